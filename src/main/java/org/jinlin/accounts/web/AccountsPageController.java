package org.jinlin.accounts.web;

import java.time.ZoneId;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.jinlin.accounts.ApiKeyPurpose;
import org.jinlin.accounts.internal.AccountAdministration;
import org.jinlin.accounts.internal.AccountView;
import org.jinlin.accounts.internal.ApiKeyAdministration;
import org.jinlin.accounts.internal.ApiKeyView;
import org.jinlin.accounts.internal.IssuedApiKey;
import org.jinlin.accounts.internal.NewAccount;
import org.jinlin.accounts.internal.NewApiKey;
import org.jinlin.accounts.internal.PermissionsChange;
import org.jinlin.accounts.internal.AccountsAccess;
import org.jinlin.accounts.internal.SignInThrottleAdministration;
import org.jinlin.shared.ConflictException;
import org.jinlin.shared.Role;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** Pages for administrators: accounts and API keys of their jurisdiction. */
@Controller
@RequestMapping("/admin")
@RequiredArgsConstructor
class AccountsPageController {

	private final AccountAdministration management;

	private final ApiKeyAdministration keys;

	private final SignInThrottleAdministration throttles;

	/** Times on the pages are the city's. */
	private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("purposes")
	ApiKeyPurpose[] purposes() {
		return ApiKeyPurpose.values();
	}

	@GetMapping("/accounts")
	String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("accounts", management.list(q));
		return "accounts/list";
	}

	@GetMapping("/accounts/new")
	String newForm(Model model) {
		AccountsAccess.requireAdministrator();
		model.addAttribute("form", new NewAccount("", "", null, "", ""));
		model.addAttribute("errors", Map.of());
		return "accounts/new";
	}

	@PostMapping("/accounts")
	String create(@ModelAttribute("form") NewAccount form, Model model, RedirectAttributes redirect) {
		try {
			AccountView created = management.create(form);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/admin/accounts/" + UriUtils.encodePathSegment(created.username(), "UTF-8");
		}
		catch (ValidationFailedException e) {
			model.addAttribute("form", new NewAccount(form.username(), form.displayName(), form.role(), form.territoryCode(), ""));
			model.addAttribute("errors", FormErrors.of(e));
			return "accounts/new";
		}
	}

	@GetMapping("/accounts/throttles")
	String throttles(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("throttles", throttles.list(Math.max(0, page), 50));
		model.addAttribute("rule", throttles.rule());
		model.addAttribute("zone", CITY_ZONE);
		return "accounts/throttles";
	}

	@PostMapping("/accounts/throttles/{id}/clear")
	String clearThrottle(@PathVariable long id, RedirectAttributes redirect) {
		throttles.clear(id);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/accounts/throttles";
	}

	@GetMapping("/accounts/{username}")
	String detail(@PathVariable String username, Model model) {
		AccountView account = management.get(username);
		model.addAttribute("account", account);
		if (!model.containsAttribute("permissions")) {
			model.addAttribute("permissions", new PermissionsChange(account.role(), account.territoryCode()));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "accounts/detail";
	}

	@PostMapping("/accounts/{username}/permissions")
	String permissions(@PathVariable String username, @ModelAttribute PermissionsChange change, Model model,
			RedirectAttributes redirect) {
		try {
			management.changePermissions(username, change);
			redirect.addFlashAttribute("saved", true);
			return redirectTo(username);
		}
		catch (ValidationFailedException e) {
			model.addAttribute("permissions", change);
			model.addAttribute("errors", FormErrors.of(e));
			return detail(username, model);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
			return redirectTo(username);
		}
	}

	@PostMapping("/accounts/{username}/enabled")
	String enabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
		try {
			management.setEnabled(username, enabled);
			redirect.addFlashAttribute("saved", true);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return redirectTo(username);
	}

	@PostMapping("/accounts/{username}/password")
	String password(@PathVariable String username, @RequestParam(defaultValue = "") String password, Model model,
			RedirectAttributes redirect) {
		try {
			management.resetPassword(username, password);
			redirect.addFlashAttribute("saved", true);
			return redirectTo(username);
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			return detail(username, model);
		}
	}

	@GetMapping("/api-keys")
	String apiKeys(Model model) {
		model.addAttribute("keys", keys.apiKeys());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new NewApiKey("", ApiKeyPurpose.READ, ""));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "accounts/api-keys";
	}

	/**
	 * Renders the page directly instead of redirecting: a flash attribute would park the plain key
	 * in the session table. Reloading cannot issue a twin, because active key names are unique.
	 */
	@PostMapping("/api-keys")
	String issue(@ModelAttribute("form") NewApiKey form, Model model) {
		try {
			model.addAttribute("issued", keys.issueApiKey(form));
			model.addAttribute("form", new NewApiKey("", ApiKeyPurpose.READ, ""));
			return apiKeys(model);
		}
		catch (ValidationFailedException e) {
			model.addAttribute("errors", FormErrors.of(e));
			return apiKeys(model);
		}
	}

	@PostMapping("/api-keys/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		try {
			keys.revokeApiKey(id);
			redirect.addFlashAttribute("saved", true);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/admin/api-keys";
	}

	private static String redirectTo(String username) {
		return "redirect:/admin/accounts/" + UriUtils.encodePathSegment(username, "UTF-8");
	}
}
