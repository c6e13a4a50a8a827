package org.jinlin.browser;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The first journey: a community worker signs in on a phone-sized screen, in Chinese. */
class SignInBrowserTests extends BrowserTest {

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
