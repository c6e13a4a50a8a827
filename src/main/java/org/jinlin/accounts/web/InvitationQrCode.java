package org.jinlin.accounts.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * An invitation link as a QR code, drawn server-side as an SVG data URI: the link carries a one-time token, so it is
 * embedded in the printed page itself and never requested from another URL.
 */
final class InvitationQrCode {

	private InvitationQrCode() {
	}

	static String dataUri(String link) {
		BitMatrix modules;
		try {
			modules = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.Q, EncodeHintType.MARGIN, 4));
		}
		catch (WriterException e) {
			throw new IllegalStateException("The invitation link does not fit a QR code", e);
		}
		StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ")
			.append(modules.getWidth()).append(' ').append(modules.getHeight()).append("' shape-rendering='crispEdges'>")
			.append("<rect width='100%' height='100%' fill='white'/>");
		for (int row = 0; row < modules.getHeight(); row++) {
			int col = 0;
			while (col < modules.getWidth()) {
				if (!modules.get(col, row)) {
					col++;
					continue;
				}
				int start = col;
				while (col < modules.getWidth() && modules.get(col, row)) {
					col++;
				}
				svg.append("<rect x='").append(start).append("' y='").append(row).append("' width='").append(col - start)
					.append("' height='1'/>");
			}
		}
		svg.append("</svg>");
		return "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(svg.toString().getBytes(StandardCharsets.UTF_8));
	}
}
