package org.jinlin.volunteers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

/** The QR code printed on a certificate reads back as its full verification address. */
class CertificateQrCodeTests {

	@Test
	void theQrCodeReadsBackAsTheAddress() throws Exception {
		String url = "https://jinlin.example.gov.cn/certificates/JL-2026-DEMO000001";
		BufferedImage image = CertificatePdf.qrCode(url);
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
		assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(url);
	}
}
