package org.jinlin.shared.spreadsheet;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload page every module's import shares ({@code imports/upload.html}): the form, the
 * caller's recent jobs, and on upload either a redirect to the job's progress page or the form
 * again with the error.
 *
 * @param titleKey message key of the page title
 * @param action where the form posts
 * @param templateUrl the template download
 * @param exportUrl the export of what the caller may see
 */
public record ImportUploadPage(String titleKey, String action, String templateUrl, String exportUrl) {

	/** Starts an import job from an uploaded file. */
	@FunctionalInterface
	public interface Starter {

		ImportJob start(String fileName, byte[] bytes);
	}

	/** Renders the form with the recent jobs and an optional error. */
	public String show(Model model, MessageSource messages, List<ImportJob> recent, String error) {
		model.addAttribute("recent", recent);
		model.addAttribute("title", messages.getMessage(titleKey, null, titleKey, LocaleContextHolder.getLocale()));
		model.addAttribute("action", action);
		model.addAttribute("templateUrl", templateUrl);
		model.addAttribute("exportUrl", exportUrl);
		model.addAttribute("error", error);
		return "imports/upload";
	}

	/** Starts the job and redirects to its progress, or shows the form again with the reason. */
	public String upload(MultipartFile file, Model model, MessageSource messages, Supplier<List<ImportJob>> recent,
			Starter starter) throws IOException {
		if (file == null || file.isEmpty()) {
			return show(model, messages, recent.get(),
					messages.getMessage("imports.upload.missing", null, LocaleContextHolder.getLocale()));
		}
		try {
			ImportJob job = starter.start(file.getOriginalFilename(), file.getBytes());
			return "redirect:/imports/" + job.id();
		}
		catch (ValidationFailedException e) {
			return show(model, messages, recent.get(), e.getMessage());
		}
	}
}
