package org.jinlin.eldercare.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import lombok.RequiredArgsConstructor;
import org.jinlin.eldercare.CarerRole;
import org.jinlin.eldercare.DeviceKind;
import org.jinlin.eldercare.LivingSituation;
import org.jinlin.eldercare.Mobility;
import org.jinlin.eldercare.internal.CareProfiles;
import org.jinlin.eldercare.internal.ElderAccess;
import org.jinlin.eldercare.internal.ElderHealth;
import org.jinlin.eldercare.internal.ElderQueries;
import org.jinlin.eldercare.internal.ElderViews.AddDevice;
import org.jinlin.eldercare.internal.ElderViews.AssignCarer;
import org.jinlin.eldercare.internal.ElderViews.ContactDraft;
import org.jinlin.eldercare.internal.ElderViews.Health;
import org.jinlin.eldercare.internal.ElderViews.UpdateCare;
import org.jinlin.shared.CurrentActor;
import org.jinlin.shared.web.FormErrors;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An elder's profile: the page, health revealed on request (audited), care data, contacts, devices, care circle. */
@Controller
@RequiredArgsConstructor
class ElderProfilePages {

	private final ElderQueries queries;

	private final CareProfiles profiles;

	private final ElderHealth health;

	private final ElderPageSupport pages;

	@GetMapping("/eldercare/elders/{id}")
	String detail(@PathVariable long id, Model model) {
		return pages.detail(id, model, Map.of(), null);
	}

	/** The health block, revealed (and audited) on request; an htmx fragment or the whole page. */
	@PostMapping("/eldercare/elders/{id}/health")
	String health(@PathVariable long id, @RequestParam(required = false) String purpose,
			HtmxRequest htmx, Model model) {
		try {
			Health h = health.revealHealth(id, purpose);
			model.addAttribute("health", h);
			model.addAttribute("healthErrors", Map.of());
		}
		catch (ValidationFailedException e) {
			model.addAttribute("health", null);
			model.addAttribute("healthErrors", FormErrors.of(e));
		}
		if (htmx.isHtmxRequest()) {
			model.addAttribute("e", queries.find(id));
			model.addAttribute("canWrite", ElderAccess.canWrite(CurrentActor.require()));
			model.addAttribute("livings", LivingSituation.values());
			model.addAttribute("mobilities", Mobility.values());
			return "eldercare/elder :: health";
		}
		return pages.detail(id, model, Map.of(), null);
	}

	@PostMapping("/eldercare/elders/{id}/care")
	String updateCare(@PathVariable long id, @RequestParam(required = false) LivingSituation livingSituation,
			@RequestParam(required = false) Mobility mobility, @RequestParam(required = false) String conditions,
			@RequestParam(required = false) String medicines, @RequestParam(required = false) String allergies,
			@RequestParam(required = false) String doorAccessNotes, Model model, RedirectAttributes flash) {
		try {
			profiles.updateCare(id, new UpdateCare(livingSituation, mobility, ElderPageSupport.lines(conditions), ElderPageSupport.lines(medicines), ElderPageSupport.lines(allergies),
					doorAccessNotes));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return pages.detail(id, model, FormErrors.of(e), null);
		}
	}

	@PostMapping("/eldercare/elders/{id}/contacts")
	String contacts(@PathVariable long id, @RequestParam Map<String, String> params, Model model, RedirectAttributes flash) {
		List<ContactDraft> list = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String name = params.get("name" + i);
			String relation = params.get("relation" + i);
			String phone = params.get("phone" + i);
			if ((name != null && !name.isBlank()) || (phone != null && !phone.isBlank())) {
				list.add(new ContactDraft(name, relation, phone));
			}
		}
		try {
			profiles.replaceContacts(id, list);
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return pages.detail(id, model, FormErrors.of(e), null);
		}
	}

	@PostMapping("/eldercare/elders/{id}/devices")
	String addDevice(@PathVariable long id, @RequestParam(required = false) String deviceId,
			@RequestParam(required = false) DeviceKind kind, Model model, RedirectAttributes flash) {
		try {
			profiles.addDevice(id, new AddDevice(deviceId, kind));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return pages.detail(id, model, FormErrors.of(e), Map.of("deviceId", deviceId == null ? "" : deviceId));
		}
	}

	@PostMapping("/eldercare/elders/{id}/devices/{deviceRowId}/remove")
	String removeDevice(@PathVariable long id, @PathVariable long deviceRowId, RedirectAttributes flash) {
		profiles.removeDevice(id, deviceRowId);
		flash.addFlashAttribute("notice", "eldercare.pages.saved");
		return "redirect:/eldercare/elders/" + id;
	}

	@PostMapping("/eldercare/elders/{id}/care-circle")
	String assign(@PathVariable long id, @RequestParam(required = false) CarerRole role,
			@RequestParam(required = false) String username, Model model, RedirectAttributes flash) {
		try {
			profiles.assignCarer(id, new AssignCarer(role, username));
			flash.addFlashAttribute("notice", "eldercare.pages.saved");
			return "redirect:/eldercare/elders/" + id;
		}
		catch (ValidationFailedException e) {
			return pages.detail(id, model, FormErrors.of(e), null);
		}
	}
}
