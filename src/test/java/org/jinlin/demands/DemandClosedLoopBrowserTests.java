package org.jinlin.demands;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop in the browser, on a phone-sized screen: a resident raises a demand, it lands in the queue
 * of the grid worker of her building, who signs for it and resolves it with a photo; the resident rates it;
 * signed out, the public board shows the outcome, the reply and the photo, and no personal data.
 */
class DemandClosedLoopBrowserTests extends BrowserTest {

	@Test
	void raiseSignResolveWithAPhotoRateAndSeeItOnThePublicBoard() throws Exception {
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
		String description = "闭环测试：3号楼门口路面积水 " + System.nanoTime();
		String reply = "已疏通排水口，积水已清除 " + System.nanoTime();

		// 1. The resident raises it (her home building is in 军门社区 第1网格).
		signIn("resident1");
		chrome.get(url("/demands/new"));
		new Select(chrome.findElement(By.id("demand-category"))).selectByValue("sanitation");
		chrome.findElement(By.id("demand-description")).sendKeys(description);
		click(By.id("demand-submit"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-notice")));
		String id = chrome.getCurrentUrl().replaceAll(".*/demands/mine/(\\d+).*", "$1");
		assertThat(id).matches("\\d+");

		// 2. The grid worker finds it in her queue, signs for it and resolves it with an after-photo.
		signIn("junmen-grid1");
		chrome.get(url("/demands/queue"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-item-" + id)));
		screenshot("loop-queue");
		chrome.get(url("/demands/" + id));
		click(By.id("action-sign"));
		wait.until(ExpectedConditions.textToBe(By.id("demand-status"), "办理中"));
		new Select(chrome.findElement(By.id("resolve-outcome"))).selectByValue("RESOLVED");
		chrome.findElement(By.id("resolve-reply")).sendKeys(reply);
		Path photo = Path.of("target", "loop-after.png").toAbsolutePath();
		Files.createDirectories(photo.getParent());
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		image.setRGB(5, 5, 0x00aa00);
		ImageIO.write(image, "png", photo.toFile());
		chrome.findElement(By.id("resolve-photos")).sendKeys(photo.toString());
		click(By.id("resolve-submit"));
		wait.until(ExpectedConditions.textToBe(By.id("demand-status"), "已办结待评价"));
		screenshot("loop-resolved");

		// 3. The resident rates it.
		signIn("resident1");
		chrome.get(url("/demands/mine/" + id));
		assertThat(chrome.findElement(By.tagName("main")).getText()).contains(reply);
		click(By.id("rating-SATISFIED"));
		click(By.id("rating-submit"));
		wait.until(ExpectedConditions.textToBe(By.id("demand-rating"), "满意"));

		// 4. Signed out: the public board shows the outcome, and no personal data.
		chrome.manage().deleteAllCookies();
		chrome.get(url("/public/board/350102004001"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-" + id)));
		String card = chrome.findElement(By.id("demand-" + id)).getText();
		assertThat(card).contains("满意").doesNotContain("王秀兰");
		chrome.get(url("/public/board/demands/" + id));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-timeline")));
		String page = chrome.findElement(By.tagName("main")).getText();
		assertThat(page).contains(description).contains(reply).contains("满意").doesNotContain("王秀兰")
			.doesNotContain("resident1").doesNotContain("junmen-grid1");
		var img = chrome.findElement(By.cssSelector("img[src*='/public/demands/photos/']"));
		assertThat((Boolean) chrome.executeScript("return arguments[0].complete && arguments[0].naturalWidth === 40", img))
			.as("the after-photo loads").isTrue();
		screenshot("loop-board");
	}
}
