package org.jinlin.volunteers.web;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The venue's QR code as an SVG drawn server-side (no script, fits the CSP). */
final class CheckInCodes {

	private CheckInCodes() {
	}

	static String svg(String url) {
		try {
			BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
			int w = m.getWidth();
			int h = m.getHeight();
			StringBuilder path = new StringBuilder();
			for (int y = 0; y < h; y++) {
				for (int x = 0; x < w; x++) {
					if (m.get(x, y)) {
						path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
					}
				}
			}
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
					+ "\" shape-rendering=\"crispEdges\" width=\"320\" height=\"320\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
					+ "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
		}
		catch (WriterException e) {
			throw new IllegalStateException("QR code failed", e);
		}
	}
}
