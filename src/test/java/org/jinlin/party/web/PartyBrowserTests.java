package org.jinlin.party.web;

import java.time.Duration;

import org.jinlin.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 军门社区's community worker on a phone: the organisation tree with coverage (the chart drawn by the page's script),
 * then the joint meetings, where she marks an open follow-up task done with a note (htmx swaps the row).
 */
class PartyBrowserTests extends BrowserTest {

	@Test
	void aCommunityWorkerOpensTheTreeAndMarksAMeetingTaskDone() throws Exception {
		signIn("junmen");
		chrome.get(url("/party/organisations"));
		var wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
		assertThat(chrome.findElement(By.id("coverage-rate")).getText()).isEqualTo("100.0%");
		assertThat(chrome.findElement(By.id("party-tree")).getText()).contains("军门社区党委", "小区党支部", "楼栋党小组");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#party-coverage-chart canvas")));
		screenshot("party-organisations");

		click(By.id("party-meetings-link"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-table")));
		screenshot("party-meetings");
		click(By.cssSelector("#meeting-table tbody tr a"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-agenda")));
		WebElement form = chrome.findElement(By.cssSelector("form.task-done-form"));
		WebElement row = form.findElement(By.xpath("./ancestor::tr"));
		String rowId = row.getAttribute("id");
		form.findElement(By.name("note")).sendKeys("方案已报街道并公示");
		click(By.cssSelector("#" + rowId + " form.task-done-form button"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#" + rowId + " .task-status"), "已完成"));
		assertThat(chrome.findElement(By.cssSelector("#" + rowId + " .task-note")).getText()).isEqualTo("方案已报街道并公示");
		screenshot("party-task-done");
		// still done after a reload: it was saved, not only swapped
		chrome.navigate().refresh();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id(rowId)));
		assertThat(chrome.findElement(By.cssSelector("#" + rowId + " .task-status")).getText()).isEqualTo("已完成");
	}
}
