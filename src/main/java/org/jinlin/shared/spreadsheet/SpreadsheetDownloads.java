package org.jinlin.shared.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Helpers for controllers that offer templates and exports as downloads. */
public final class SpreadsheetDownloads {

	public static final MediaType XLSX = ImportJobController.XLSX;

	private SpreadsheetDownloads() {
	}

	/** An {@code .xlsx} attachment from bytes. */
	public static ResponseEntity<byte[]> xlsx(byte[] bytes, String fileName) {
		return ImportJobController.download(bytes, fileName, XLSX);
	}

	/**
	 * Streams an {@code .xlsx} attachment straight into the response, on the request thread (so the
	 * service layer still sees the current actor). Call from a {@code void} handler method.
	 */
	public static void xlsx(HttpServletResponse response, String fileName, XlsxWriter writer) throws IOException {
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		writer.write(response.getOutputStream());
		response.flushBuffer();
	}

	/** Writes a workbook. */
	@FunctionalInterface
	public interface XlsxWriter {

		void write(OutputStream out) throws IOException;
	}
}
