package org.jinlin.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jinlin.accounts.internal.SmsOutbox;
import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.support.BrowserTest;
import org.jinlin.support.UnlinkedResidents;
import org.jinlin.support.UnlinkedResidents.Person;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Residents get accounts without the demo's: on a phone-sized screen, in 长辈模式, a resident of the register signs up
 * with a code read from the SMS outbox, is matched to her record, raises a demand and finds it in her list; then the
 * community worker opens an account for a second resident who cannot sign up herself and prints the invitation,
 * whose link lets the resident choose her password and sign in. Every page is checked with axe-core.
 */
class ResidentSignUpBrowserTests extends BrowserTest {

	static final String JUNMEN = "350102004001";

	static final String PASSWORD = "Min-river-2026";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ResidentRegister register;

	@Autowired
	SmsOutbox outbox;

	@Test
	void aResidentSignsUpAndRaisesADemandAndAWorkerInvitesAnotherResident() throws Exception {
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
		List<Person> people = UnlinkedResidents.take(jdbc, cipher, register, JUNMEN, 2, Set.of());
		Person first = people.get(0);
		Person second = people.get(1);
		String phone = "1370059" + String.format("%04d", (int) (System.nanoTime() % 10_000));

		// 1. Signed out, from the sign-in page, in 长辈模式.
		chrome.manage().deleteAllCookies();
		chrome.get(url("/login"));
		click(By.id("register-link"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("register-form")));
		click(By.cssSelector(".jl-af-toggle"));
		wait.until(d -> d.findElement(By.tagName("html")).getAttribute("class").contains("age-friendly"));
		assertThat(chrome.getTitle()).contains("居民注册");
		chrome.findElement(By.id("name")).sendKeys(first.name());
		chrome.findElement(By.id("phone")).sendKeys(phone);
		click(By.id("send-code"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("code-sent")));
		assertThat(chrome.findElement(By.id("name")).getAttribute("value")).isEqualTo(first.name());
		String code = outbox.latestCode(phone).orElseThrow();
		chrome.findElement(By.id("code")).sendKeys(code);
		chrome.findElement(By.id("idSuffix")).sendKeys(first.idSuffix());
		new Select(chrome.findElement(By.id("communityCode"))).selectByValue(JUNMEN);
		chrome.findElement(By.id("password")).sendKeys(PASSWORD);
		screenshot("sign-up-form-age-friendly");
		click(By.id("register-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-up-matched")));
		String username = chrome.findElement(By.id("new-username")).getText().strip();
		assertThat(username).matches("jl[a-z2-9]{8}");
		screenshot("sign-up-matched");

		// 2. She signs in with her new account and raises a demand, which she finds in her list.
		signInAs(username, PASSWORD);
		String description = "注册测试：楼道灯坏了 " + System.nanoTime();
		chrome.get(url("/demands/new"));
		new Select(chrome.findElement(By.id("demand-category"))).selectByValue("sanitation");
		chrome.findElement(By.id("demand-description")).sendKeys(description);
		assertThat(chrome.findElement(By.id("location-HOME")).isSelected()).as("her home, from her record").isTrue();
		click(By.id("demand-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-notice")));
		chrome.get(url("/demands/mine"));
		assertThat(chrome.findElement(By.id("my-demands")).getText()).contains(description);
		screenshot("sign-up-my-demands");

		// 3. The community worker opens an account for a second resident from the register and prints the invitation.
		signIn("junmen");
		chrome.get(url("/residents/" + second.id()));
		click(By.id("resident-account-link"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-account")));
		click(By.id("issue-invitation"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("invitation-qr")));
		String invited = chrome.findElement(By.id("invitation-username")).getText().strip();
		String link = chrome.findElement(By.id("invitation-link")).getText().strip();
		assertThat(link).startsWith(url("/invitations/"));
		assertThat(chrome.findElement(By.id("invitation-qr")).getAttribute("src")).startsWith("data:image/svg+xml;base64,");
		screenshot("invitation-print");

		// 4. Her family opens the link, signed out, and chooses her password; she signs in.
		chrome.manage().deleteAllCookies();
		chrome.get(link);
		assertThat(chrome.findElement(By.id("invited-username")).getText()).isEqualTo(invited);
		chrome.findElement(By.id("password")).sendKeys(PASSWORD);
		chrome.findElement(By.id("repeated")).sendKeys(PASSWORD);
		click(By.id("invitation-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-set")));
		assertThat(chrome.findElement(By.id("username-shown")).getText()).isEqualTo(invited);
		screenshot("invitation-used");
		signInAs(invited, PASSWORD);
		chrome.get(url("/demands/mine"));
		assertThat(chrome.getCurrentUrl()).doesNotContain("/login");
		assertThat(jdbc.sql("SELECT resident_id FROM account WHERE username = ?").param(invited).query(Long.class).single())
			.isEqualTo(second.id());
		assertThat(jdbc.sql("SELECT resident_id FROM account WHERE username = ?").param(username).query(Long.class).single())
			.isEqualTo(first.id());
	}

	private void signInAs(String username, String password) {
		chrome.manage().deleteAllCookies();
		chrome.get(url("/login"));
		chrome.findElement(By.id("username")).sendKeys(username);
		chrome.findElement(By.id("password")).sendKeys(password);
		chrome.findElement(By.cssSelector("form.jl-form button[type=submit]")).click();
		new WebDriverWait(chrome, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
	}
}
