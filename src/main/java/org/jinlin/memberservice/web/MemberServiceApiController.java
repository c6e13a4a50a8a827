package org.jinlin.memberservice.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import lombok.RequiredArgsConstructor;
import org.jinlin.memberservice.internal.MemberViews.ClaimRequest;
import org.jinlin.memberservice.internal.MemberViews.DeliverRequest;
import org.jinlin.memberservice.internal.MemberViews.Figures;
import org.jinlin.memberservice.internal.MemberViews.MemberRegistrationRequest;
import org.jinlin.memberservice.internal.MemberViews.Need;
import org.jinlin.memberservice.internal.MemberViews.NeedRequest;
import org.jinlin.memberservice.internal.MemberViews.Post;
import org.jinlin.memberservice.internal.MemberViews.PostRequest;
import org.jinlin.memberservice.internal.MemberViews.Registration;
import org.jinlin.memberservice.internal.MemberViews.SignupRequest;
import org.jinlin.memberservice.internal.MemberViews.Signup;
import org.jinlin.memberservice.internal.MemberViews.UnitRegistrationRequest;
import org.jinlin.memberservice.internal.MemberViews.Wish;
import org.jinlin.memberservice.internal.MemberViews.WishRequest;
import org.jinlin.memberservice.internal.MemberFigures;
import org.jinlin.memberservice.internal.MemberRegistrations;
import org.jinlin.memberservice.internal.MemberValidation;
import org.jinlin.memberservice.internal.MicroWishes;
import org.jinlin.memberservice.internal.ServicePosts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of member service (双报到, needs, posts, micro-wishes, figures); the rules live in the services it calls. */
@RestController
@RequestMapping("/api/v1/member-service")
@Tag(name = "Member service", description = "Party members and units registered with communities, needs, posts and micro-wishes")
@RequiredArgsConstructor
class MemberServiceApiController {

	private final MemberRegistrations registrations;

	private final ServicePosts posts;

	private final MicroWishes wishes;

	private final MemberFigures figures;

	private final MemberReports reports;

	@GetMapping("/registrations")
	@Operation(summary = "Staff: registrations in the jurisdiction (phones masked); a party member: her own")
	List<Registration> registrations(@RequestParam(required = false) String territory,
			@RequestParam(defaultValue = "false") boolean activeOnly) {
		return registrations.registrations(territory, activeOnly);
	}

	@PostMapping("/registrations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A party member registers with her community of residence (one active registration per community)")
	Registration register(@RequestBody(required = false) MemberRegistrationRequest request) {
		return registrations.registerMember(request);
	}

	@PostMapping("/unit-registrations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Community staff record a unit's party organisation registering with a community")
	Registration registerUnit(@RequestBody(required = false) UnitRegistrationRequest request) {
		return registrations.registerUnit(request);
	}

	@GetMapping("/registrations/{id}")
	@Operation(summary = "One registration: the member herself or staff of its community")
	Registration registration(@PathVariable long id) {
		return registrations.registration(id);
	}

	@PostMapping("/registrations/{id}/withdraw")
	@Operation(summary = "Withdraw a registration (409 when already withdrawn)")
	Registration withdraw(@PathVariable long id) {
		return registrations.withdraw(id);
	}

	@GetMapping("/registrations/{id}/report.xlsx")
	@Operation(summary = "The quarterly service report for the member's employer unit, as Excel (quarter like 2026Q4)")
	void reportXlsx(@PathVariable long id, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		reports.xlsx(figures.report(id, quarter == null ? MemberValidation.currentQuarter() : quarter), response);
	}

	@GetMapping("/registrations/{id}/report.pdf")
	@Operation(summary = "The quarterly service report as printable PDF")
	void reportPdf(@PathVariable long id, @RequestParam(required = false) String quarter, HttpServletResponse response)
			throws IOException {
		reports.pdf(figures.report(id, quarter == null ? MemberValidation.currentQuarter() : quarter), response);
	}

	@GetMapping("/needs")
	@Operation(summary = "Needs lists: staff of the jurisdiction; others of their own and registered communities")
	List<Need> needs(@RequestParam(required = false) String territory) {
		return posts.needs(territory);
	}

	@PostMapping("/needs")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Community staff publish a need")
	Need createNeed(@RequestBody(required = false) NeedRequest request) {
		return posts.createNeed(request);
	}

	@GetMapping("/posts")
	@Operation(summary = "Service posts with headcount and places taken")
	List<Post> posts(@RequestParam(required = false) String territory) {
		return posts.posts(territory);
	}

	@PostMapping("/posts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Community staff publish a service post with a headcount")
	Post createPost(@RequestBody(required = false) PostRequest request) {
		return posts.createPost(request);
	}

	@PostMapping("/posts/{id}/signups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign up for a post: a member for herself, staff for a registered unit; 409 when full")
	Signup signUp(@PathVariable long id, @RequestBody(required = false) SignupRequest request) {
		return posts.signUp(id, request == null ? null : request.registrationId());
	}

	@GetMapping("/wishes")
	@Operation(summary = "Micro-wishes the caller may see (staff: jurisdiction; resident: her own; members and volunteers: open ones they may claim and theirs)")
	List<Wish> wishes(@RequestParam(required = false) String territory, @RequestParam(required = false) String status) {
		return wishes.wishes(territory, status);
	}

	@PostMapping("/wishes")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A resident posts a wish in her community; staff post on a resident's behalf")
	Wish postWish(@RequestBody(required = false) WishRequest request) {
		return wishes.postWish(request);
	}

	@GetMapping("/wishes/{id}")
	@Operation(summary = "One wish")
	Wish wish(@PathVariable long id) {
		return wishes.wish(id);
	}

	@PostMapping("/wishes/{id}/claim")
	@Operation(summary = "Claim an open wish: a member registered with its community, its volunteer, or staff for a registered unit")
	Wish claim(@PathVariable long id, @RequestBody(required = false) ClaimRequest request) {
		return wishes.claim(id, request);
	}

	@PostMapping("/wishes/{id}/release")
	@Operation(summary = "The claimer gives a claimed wish back")
	Wish release(@PathVariable long id) {
		return wishes.release(id);
	}

	@PostMapping("/wishes/{id}/deliver")
	@Operation(summary = "The claimer reports what was done and the hours spent (travel excluded)")
	Wish deliver(@PathVariable long id, @RequestBody(required = false) DeliverRequest request) {
		return wishes.deliver(id, request);
	}

	@PostMapping("/wishes/{id}/confirm")
	@Operation(summary = "The resident who posted it, or community staff, confirm the delivery; the service is credited")
	Wish confirm(@PathVariable long id) {
		return wishes.confirm(id);
	}

	@PostMapping("/wishes/{id}/cancel")
	@Operation(summary = "The resident (or staff) cancel an open wish")
	Wish cancel(@PathVariable long id) {
		return wishes.cancel(id);
	}

	@GetMapping("/figures")
	@Operation(summary = "Registrations, wishes posted and fulfilled, person-times and hours of a territory in the jurisdiction")
	Figures figures(@RequestParam(required = false) String territory) {
		return figures.figures(territory);
	}
}
