package org.jinlin.browser;

import org.jinlin.support.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The first journey: a community worker signs in on a phone-sized screen, in Chinese. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInBrowserTests {

	static ChromeDriver chrome;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		chrome = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (chrome != null) {
			chrome.quit();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void signIn(String username) {
		chrome.manage().deleteAllCookies();
		chrome.get(url("/login"));
		chrome.findElement(By.id("username")).sendKeys(username);
		chrome.findElement(By.id("password")).sendKeys("jinlin-demo");
		chrome.findElement(By.cssSelector("form.jl-form button[type=submit]")).click();
	}

	@Test
	void loginPageIsChineseByDefault() {
		chrome.manage().deleteAllCookies();
		chrome.get(url("/login"));
		assertThat(chrome.getTitle()).contains("登录");
		assertThat(chrome.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
	}

	@Test
	void wrongPasswordShowsAnError() {
		chrome.manage().deleteAllCookies();
		chrome.get(url("/login"));
		chrome.findElement(By.id("username")).sendKeys("junmen");
		chrome.findElement(By.id("password")).sendKeys("wrong-password");
		chrome.findElement(By.cssSelector("form.jl-form button[type=submit]")).click();
		assertThat(chrome.findElement(By.cssSelector(".alert-danger")).getText()).contains("用户名或密码错误");
	}

	@Test
	void communityWorkerSignsInAndSeesHerCommunity() {
		signIn("junmen");
		assertThat(chrome.findElement(By.tagName("main")).getText()).contains("军门社区");
	}
}
