package org.jinlin.meals.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import lombok.RequiredArgsConstructor;
import org.jinlin.meals.internal.RouteView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A courier's route sheet as PDF (OpenPDF, Chinese text in the STSong-Light CJK font): stops in order, diets, a box to tick. */
@Component
@RequiredArgsConstructor
class RouteSheetPdf {

	private final MessageSource messages;

	void write(RouteView route, OutputStream out) throws IOException {
		Document doc = new Document(PageSize.A4, 40, 40, 48, 48);
		try {
			PdfWriter.getInstance(doc, out).setCloseStream(false);
			BaseFont base = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			Font title = new Font(base, 16, Font.BOLD);
			Font body = new Font(base, 10);
			Font head = new Font(base, 10, Font.BOLD);
			doc.open();
			doc.add(new Paragraph(msg("meals.route.title", route.courierNo(), route.day()), title));
			doc.add(new Paragraph(msg("meals.route.summary", route.departure(), route.stops().size(), route.travelMinutes()), body));
			doc.add(new Paragraph(" ", body));
			PdfPTable table = new PdfPTable(new float[] { 0.7f, 1.3f, 1.6f, 1.6f, 4f, 2.6f, 1.8f });
			table.setWidthPercentage(100);
			for (String h : List.of("meals.route.seq", "meals.route.arrival", "meals.route.window", "meals.page.diner",
					"meals.route.address", "meals.page.diets", "meals.route.outcome")) {
				table.addCell(new PdfPCell(new Phrase(msg(h), head)));
			}
			for (RouteView.StopView s : route.stops()) {
				table.addCell(new Phrase(String.valueOf(s.seq()), body));
				table.addCell(new Phrase(String.valueOf(s.plannedArrival()), body));
				table.addCell(new Phrase(s.windowStart() + "–" + s.windowEnd(), body));
				table.addCell(new Phrase(s.name() == null ? "" : s.name(), body));
				table.addCell(new Phrase(s.address() == null ? "" : s.address(), body));
				table.addCell(new Phrase(s.diets().stream().map(d -> msg("meals.diet." + d)).collect(Collectors.joining("、")), body));
				table.addCell(new Phrase(s.outcome() == null ? "□" : msg("meals.route.outcome." + s.outcome()), body));
			}
			doc.add(table);
			doc.close();
		}
		catch (DocumentException e) {
			throw new IOException("The route sheet could not be written", e);
		}
	}

	private String msg(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}
}
