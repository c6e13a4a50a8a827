package org.jinlin.demands.web.open311;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.jinlin.shared.web.ErrorFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Errors under {@code /open311/} that no Open311 handler answered (the security firewall's refusals, the
 * container's, an unknown path) in the GeoReport v2 error list, JSON or XML by the path's suffix.
 */
@Component
class Open311ErrorFormat implements ErrorFormat {

	@Override
	public boolean covers(String path) {
		return path.startsWith("/open311/") || path.equals("/open311");
	}

	@Override
	public void write(String path, HttpStatus status, String description, HttpServletResponse response)
			throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", status.value());
		error.put("description", description);
		Open311Format format = path.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? Open311Format.XML
				: Open311Format.JSON;
		ResponseEntity<byte[]> rendered = Open311Writer.render(status, format, "errors", List.of(error));
		response.setStatus(status.value());
		response.setContentType(String.valueOf(rendered.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)));
		byte[] body = rendered.getBody() == null ? new byte[0] : rendered.getBody();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
