package org.jinlin.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jinlin.support.DemoAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests through the real container, written byte by byte on a socket (what MockMvc cannot send:
 * bad percent-encoding in the path, CR/LF, huge headers, broken chunked bodies, bodies over the size limit): every
 * one gets a 4xx in the format of where it was sent — problem+json under {@code /api/v1}, the Open311 error list
 * under {@code /open311}, the error page for pages — never a 500, a stack trace or the container's own page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestTests {

	enum Format {
		PROBLEM, OPEN311, PAGE
	}

	record Case(String name, String head, byte[] body, int status, Format format) {

		Case withHeaders(String headers) {
			return new Case(name, head + headers, body, status, format);
		}

		@Override
		public String toString() {
			return name;
		}
	}

	static final String STAFF = "Authorization: Basic "
			+ Base64.getEncoder().encodeToString((DemoAccounts.COMMUNITY + ":" + DemoAccounts.PASSWORD).getBytes()) + "\r\n";

	@LocalServerPort
	int port;

	static Case get(String name, String path, String headers, int status, Format format) {
		return new Case(name, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers, new byte[0], status, format);
	}

	static Case api(String name, String path, int status) {
		return get(name, path, STAFF + "Accept: application/json\r\n", status, Format.PROBLEM);
	}

	static Case open311(String name, String path, int status) {
		return get(name, path, "", status, Format.OPEN311);
	}

	static Case page(String name, String path, int status) {
		return get(name, path, "Accept: text/html\r\n", status, Format.PAGE);
	}

	static Case post(String name, String path, String headers, byte[] body, int status, Format format) {
		return new Case(name, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers, body, status, format);
	}

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	static String form(String charset) {
		return "Content-Type: application/x-www-form-urlencoded" + (charset == null ? "" : "; charset=" + charset) + "\r\n";
	}

	static final String OPEN311_FORM = "api_key=" + DemoAccounts.OPEN311_KEY + "&service_code=sanitation&address_id=1&description=";

	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		String huge = "X-Big: " + "a".repeat(20_000) + "\r\n";
		String big = "description=" + "a".repeat(3_000_000);
		String multipart = "Content-Type: multipart/form-data; boundary=XyZ\r\n";
		byte[] truncated = bytes("--XyZ\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\nhalf a bo");
		String chunked = "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n";
		byte[] badChunks = bytes("zz\r\n{}\r\n0\r\n\r\n");
		// Query parameters
		cases.add(api("api: ?status=%zz", "/api/v1/demands?status=%zz", 400));
		cases.add(api("api: ?status=%FF%FE", "/api/v1/demands?status=%FF%FE", 400));
		cases.add(api("api: ?page=2147483647", "/api/v1/demands?page=2147483647", 400));
		cases.add(api("api: ?page=-1", "/api/v1/demands?page=-1", 400));
		cases.add(api("api: ?size=-5", "/api/v1/demands?size=-5", 400));
		cases.add(api("api: ?page=99999999999999999999", "/api/v1/demands?page=99999999999999999999", 400));
		cases.add(api("api: id beyond a long", "/api/v1/demands/99999999999999999999", 400));
		cases.add(api("api: ?limit=-1", "/api/v1/demands/queue?limit=-1", 400));
		cases.add(api("api: ?month=-9999-01", "/api/v1/alarms/report?month=-9999-01", 400));
		cases.add(api("api: ?month=%FF", "/api/v1/alarms/report?month=%FF", 400));
		cases.add(open311("open311: ?start_date=%FF", "/open311/v2/requests.json?start_date=%FF", 400));
		cases.add(open311("open311: ?start_date=+999999999-12-31T00:00:00Z",
				"/open311/v2/requests.json?start_date=+999999999-12-31T00:00:00Z", 400));
		cases.add(open311("open311: ?status=%zz", "/open311/v2/requests.json?status=%zz", 400));
		cases.add(open311("open311: ?page=2147483647", "/open311/v2/requests.json?page=2147483647", 400));
		cases.add(open311("open311 xml: ?start_date=%FF", "/open311/v2/requests.xml?start_date=%FF", 400));
		cases.add(page("page: ?page=%zz", "/public/board?page=%zz", 400));
		cases.add(page("page: ?page=abc", "/public/board/350102004001?page=abc", 400));
		cases.add(page("page: ?page=2147483647", "/public/board/350102004001?page=2147483647", 400));
		// Paths
		cases.add(api("api: %FF in the path", "/api/v1/demands/%FF", 400));
		cases.add(api("api: %zz in the path", "/api/v1/demands/%zz", 400));
		cases.add(api("api: // in the path", "/api/v1//demands", 400));
		cases.add(api("api: ; in the path", "/api/v1/demands;x=1", 400));
		cases.add(api("api: encoded .. in the path", "/api/v1/demands/%2e%2e/x", 400));
		cases.add(api("api: encoded CR LF in the path", "/api/v1/demands%0d%0aX-Injected:%20yes", 400));
		cases.add(api("api: 20 KB header", "/api/v1/demands", 400).withHeaders(huge));
		cases.add(open311("open311: requests//1.json", "/open311/v2/requests//1.json", 400));
		cases.add(open311("open311: %FF in the path", "/open311/v2/requests/%FF.json", 400));
		cases.add(open311("open311: ; in the path", "/open311/v2/requests.json;x=1", 400));
		cases.add(page("page: %FF in the path", "/public/board/%FF", 400));
		cases.add(page("page: // in the path", "/public//board", 400));
		// Bodies
		cases.add(post("api: bad chunked body", "/api/v1/demands", STAFF + chunked, badChunks, 400, Format.PROBLEM));
		cases.add(post("open311: %FF%FE description", "/open311/v2/requests.json", form(null),
				bytes(OPEN311_FORM + "%FF%FE"), 400, Format.OPEN311));
		cases.add(post("open311: GBK body", "/open311/v2/requests.json", form("GBK"),
				bytes(OPEN311_FORM + "%C2%B7%B5%C6"), 400, Format.OPEN311));
		cases.add(post("api: invalid UTF-8 in a JSON body", "/api/v1/demands",
				STAFF + "Content-Type: application/json\r\n", bytes("{\"description\":\"\u00ff\u00fe\"}"), 400, Format.PROBLEM));
		cases.add(post("open311: form over the size limit", "/open311/v2/requests.json", form(null),
				bytes(big), 413, Format.OPEN311));
		cases.add(post("open311: truncated multipart", "/open311/v2/requests.json", multipart, truncated, 400,
				Format.OPEN311));
		cases.add(post("api: truncated multipart", "/api/v1/demands/1/photos", STAFF + multipart, truncated, 400,
				Format.PROBLEM));
		cases.add(post("page: form over the size limit", "/login", form(null), bytes(big), 413, Format.PAGE));
		cases.add(post("page: %FF%FE in a form", "/login", form(null), bytes("username=%FF%FE&password=x"), 400,
				Format.PAGE));
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersInTheRightFormat(Case c) throws Exception {
		String response = send(c);
		String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
		String body = response.substring(head.length()).strip();
		assertThat(head).as(response).startsWith("HTTP/1.1 " + c.status());
		String type = head.toLowerCase(Locale.ROOT);
		switch (c.format()) {
			case PROBLEM -> {
				assertThat(type).as(response).contains("content-type: application/problem+json");
				assertThat(body).as(response).contains("\"status\":" + c.status());
			}
			case OPEN311 -> assertThat(body).as(response).containsAnyOf("[{\"code\":" + c.status(), "<errors><error><code>" + c.status());
			case PAGE -> {
				assertThat(type).as(response).contains("content-type: text/html");
				assertThat(body).as(response).contains("jl-error");
			}
		}
		assertThat(body).as(response).doesNotContain("Exception", "at org.", "Apache Tomcat", "SQL");
	}

	@org.junit.jupiter.api.Test
	void everyAnswerSaysWhatItSharesAndAllows() throws Exception {
		for (Case c : List.of(page("page", "/login", 200), open311("open311", "/open311/v2/services.json", 200),
				api("api", "/api/v1/demands", 200))) {
			String head = send(c).toLowerCase(Locale.ROOT);
			assertThat(head).as(c.name()).contains("referrer-policy: strict-origin-when-cross-origin",
					"permissions-policy: camera=(self), geolocation=(self), microphone=()");
		}
	}

	/** A rejected parameter reaches the log by its type at most, never with its value (a phone number, say). */
	@org.junit.jupiter.api.Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void aRejectedValueIsNeverLogged(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
		for (Case c : List.of(api("api", "/api/v1/demands?status=13912345678%FF", 400),
				open311("open311", "/open311/v2/requests.json?start_date=13912345678%zz", 400),
				page("page", "/public/board?page=13912345678%FF", 400),
				post("open311 form", "/open311/v2/requests.json", form(null), bytes(OPEN311_FORM + "13912345678%FF"), 400,
						Format.OPEN311))) {
			assertThat(send(c)).as(c.name()).startsWith("HTTP/1.1 400");
		}
		assertThat(output.getAll()).doesNotContain("13912345678");
	}

	String send(Case c) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			String head = c.head() + (c.body().length > 0 && !c.head().contains("chunked")
					? "Content-Length: " + c.body().length + "\r\n" : "") + "Connection: close\r\n\r\n";
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(c.body());
				out.flush();
			}
			catch (java.io.IOException closedEarly) {
				// the server may answer and close before reading an oversized body
			}
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			try {
				in.transferTo(response);
			}
			catch (java.net.SocketException reset) {
				// read what came before the reset
			}
			return response.toString(StandardCharsets.UTF_8);
		}
	}
}
