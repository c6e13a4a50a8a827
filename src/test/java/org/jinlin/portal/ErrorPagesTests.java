package org.jinlin.portal;

import org.jinlin.support.DemoAccounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Friendly error pages through a real servlet container (MockMvc does not forward to /error):
 * 403, 404 and 500 render templates/error.html in Chinese, or English with ?lang=en, for
 * anonymous and signed-in users, never with exception details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ErrorPagesTests.Failing.class)
class ErrorPagesTests {

	/** A page that fails, to see what a 500 looks like. */
	@Controller
	static class Failing {

		@GetMapping("/test-only/failing-page")
		String fail() {
			throw new IllegalStateException("secret-internal-detail");
		}
	}

	@LocalServerPort
	int port;

	HttpClient browser() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	HttpResponse<String> get(HttpClient client, String path) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpClient signedIn(String username) throws Exception {
		HttpClient client = browser();
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(client, "/login").body());
		assertThat(m.find()).isTrue();
		HttpResponse<String> login = post(client, "/login", "username=" + username + "&password=" + DemoAccounts.PASSWORD + "&_csrf="
				+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8));
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return client;
	}

	static void friendly(HttpResponse<String> response, int status, String text) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(response.body()).contains(text)
			.doesNotContain("Exception").doesNotContain("secret-internal-detail").doesNotContain("at org.")
			.doesNotContain("Whitelabel");
	}

	@Test
	void anonymousUsersGetFriendlyPagesInChineseAndEnglish() throws Exception {
		HttpClient client = browser();
		friendly(get(client, "/public/no-such-page"), 404, "页面不存在");
		friendly(get(client, "/public/no-such-page?lang=en"), 404, "Page not found");
		friendly(post(browser(), "/preferences/age-friendly", ""), 403, "没有权限访问");
	}

	@Test
	void signedInUsersGetFriendlyPagesWithTheirNavigation() throws Exception {
		HttpClient junmen = signedIn("junmen");
		HttpResponse<String> forbidden = get(junmen, "/admin/accounts");
		friendly(forbidden, 403, "没有权限访问");
		assertThat(forbidden.body()).contains("军门社区 林书记");
		friendly(get(junmen, "/admin/audit"), 403, "没有权限访问");
		friendly(get(junmen, "/no-such-page"), 404, "页面不存在");
		friendly(get(junmen, "/test-only/failing-page"), 500, "系统繁忙");
		friendly(get(junmen, "/test-only/failing-page?lang=en"), 500, "Something went wrong");
		HttpClient admin = signedIn("admin");
		friendly(get(admin, "/admin/accounts/no-such-account"), 404, "页面不存在");
	}
}
