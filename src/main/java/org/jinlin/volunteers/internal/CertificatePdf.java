package org.jinlin.volunteers.internal;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jinlin.shared.web.FieldErrors;
import org.jinlin.volunteers.internal.Certificates.Certificate;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/** A service certificate as a PDF: A4, Chinese with the Adobe CJK font shipped in OpenPDF. */
final class CertificatePdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private CertificatePdf() {
	}

	static byte[] render(Certificate c, String verificationUrl, FieldErrors messages) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			BaseFont base = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(base, 22, Font.BOLD);
			Font body = new Font(base, 12);
			Font small = new Font(base, 10);
			Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
			PdfWriter.getInstance(doc, out);
			doc.open();
			Paragraph t = new Paragraph(messages.message("volunteers.certificate.pdfTitle"), title);
			t.setAlignment(Element.ALIGN_CENTER);
			t.setSpacingAfter(18);
			doc.add(t);
			Paragraph no = new Paragraph(messages.message("volunteers.certificate.number") + "：" + c.number(), small);
			no.setAlignment(Element.ALIGN_RIGHT);
			doc.add(no);
			Paragraph text = new Paragraph(messages.message("volunteers.certificate.pdfBody", c.personName(),
					c.periodFrom().format(DATE), c.periodTo().format(DATE), c.recordCount(), c.hours().toPlainString()), body);
			text.setSpacingBefore(18);
			text.setSpacingAfter(12);
			text.setLeading(22);
			doc.add(text);
			PdfPTable table = new PdfPTable(new float[] { 1.2f, 4f, 1f });
			table.setWidthPercentage(100);
			for (String h : List.of("volunteers.certificate.col.date", "volunteers.certificate.col.content",
					"volunteers.certificate.col.hours")) {
				PdfPCell cell = new PdfPCell(new Paragraph(messages.message(h), small));
				cell.setBackgroundColor(new java.awt.Color(235, 235, 235));
				table.addCell(cell);
			}
			for (String line : c.summary().split("\n")) {
				int first = line.indexOf(' ');
				int last = line.lastIndexOf(' ');
				if (first < 0 || last <= first) {
					table.addCell(new PdfPCell(new Paragraph(line, small)));
					table.addCell(new PdfPCell(new Paragraph("", small)));
					table.addCell(new PdfPCell(new Paragraph("", small)));
					continue;
				}
				table.addCell(new PdfPCell(new Paragraph(line.substring(0, first), small)));
				table.addCell(new PdfPCell(new Paragraph(line.substring(first + 1, last), small)));
				table.addCell(new PdfPCell(new Paragraph(line.substring(last + 1), small)));
			}
			doc.add(table);
			Paragraph issuer = new Paragraph(c.issuer() + "\n" + messages.message("volunteers.certificate.issuedAt") + "："
					+ c.issuedAt().atZone(VolunteerTimes.ZONE).toLocalDate().format(DATE), body);
			issuer.setAlignment(Element.ALIGN_RIGHT);
			issuer.setSpacingBefore(24);
			doc.add(issuer);
			// the address in a Latin font and as a link, so it can be read, copied and clicked
			Paragraph verify = new Paragraph(messages.message("volunteers.certificate.verifyLabel"), small);
			com.lowagie.text.Anchor link = new com.lowagie.text.Anchor(verificationUrl,
					new Font(Font.HELVETICA, 10, Font.UNDERLINE, new java.awt.Color(0, 51, 204)));
			link.setReference(verificationUrl);
			verify.add(link);
			verify.setSpacingBefore(24);
			doc.add(verify);
			com.lowagie.text.Image qr = com.lowagie.text.Image.getInstance(qrCode(verificationUrl), null);
			qr.scaleAbsolute(96, 96);
			qr.setAlt(verificationUrl);
			doc.add(qr);
			Paragraph scan = new Paragraph(messages.message("volunteers.certificate.scan"), small);
			doc.add(scan);
			doc.close();
		}
		catch (Exception e) {
			throw new IllegalStateException("Certificate PDF failed: " + e.getClass().getSimpleName(), e);
		}
		return out.toByteArray();
	}

	/** The QR code of an address as a black-and-white image, four modules of quiet zone. */
	static java.awt.image.BufferedImage qrCode(String text) throws com.google.zxing.WriterException {
		com.google.zxing.common.BitMatrix m = new com.google.zxing.qrcode.QRCodeWriter().encode(text,
				com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
				java.util.Map.of(com.google.zxing.EncodeHintType.ERROR_CORRECTION,
						com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M, com.google.zxing.EncodeHintType.MARGIN, 4));
		int scale = 4;
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(m.getWidth() * scale, m.getHeight() * scale,
				java.awt.image.BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				image.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
			}
		}
		return image;
	}
}
