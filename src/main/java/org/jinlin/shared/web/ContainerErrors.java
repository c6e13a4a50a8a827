package org.jinlin.shared.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import lombok.RequiredArgsConstructor;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What the container refuses before the application sees the request (an undecodable path, a header over the size
 * limit, a broken request line or chunked body) is answered by this error report valve instead of Tomcat's HTML
 * page: in the format of the path ({@link ErrorResponses}), and for pages a plain bilingual error page. It replaces
 * Tomcat's {@link ErrorReportValve} on the host, so it also answers errors that never reach {@code /error}.
 */
@Component
@RequiredArgsConstructor
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final ObjectProvider<ErrorResponses> responses;

	@Override
	public int getOrder() {
		// After Spring Boot's own customizer, which adds Tomcat's valve.
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Container host = context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve && !(valve instanceof Report)) {
					host.getPipeline().removeValve(valve);
				}
			}
			if (host instanceof org.apache.catalina.core.StandardHost standard) {
				standard.setErrorReportValveClass(Report.class.getName());
			}
			host.getPipeline().addValve(new Report(responses));
		});
	}

	/** The valve; public with a no-argument constructor as Tomcat requires of an error report valve class. */
	public static class Report extends ErrorReportValve {

		private final ObjectProvider<ErrorResponses> responses;

		public Report() {
			this(null);
		}

		Report(ObjectProvider<ErrorResponses> responses) {
			this.responses = responses;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus status = HttpStatus.resolve(code);
			if (status == null) {
				status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
			}
			try {
				response.setSuspended(false);
				response.resetBuffer();
				String path = request.getRequestURI();
				ErrorResponses writer = responses == null ? null : responses.getIfAvailable();
				if (writer != null && path != null && writer.write(path, status, response.getResponse())) {
					response.finishResponse();
					return;
				}
				byte[] body = page(status).getBytes(StandardCharsets.UTF_8);
				response.setContentType("text/html;charset=UTF-8");
				response.setContentLength(body.length);
				response.getOutputStream().write(body);
				response.finishResponse();
			}
			catch (IOException | IllegalStateException e) {
				// the client has gone: nothing more to answer
			}
		}

		static String page(HttpStatus status) {
			String zh = status.is4xxClientError() ? (status == HttpStatus.NOT_FOUND ? "页面不存在" : "请求有误") : "出错了";
			return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + zh + " · 近邻</title></head>"
					+ "<body><main class=\"jl-error\"><h1>" + zh + " / " + status.getReasonPhrase() + "</h1><p>"
					+ status.value() + "</p><p><a href=\"/\">返回首页 / Home</a></p></main></body></html>";
		}
	}
}
