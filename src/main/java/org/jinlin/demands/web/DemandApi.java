package org.jinlin.demands.web;

import lombok.RequiredArgsConstructor;
import org.jinlin.demands.DemandStatus;
import org.jinlin.demands.Outcome;
import org.jinlin.demands.Rating;
import org.jinlin.demands.internal.CategoryDraft;
import org.jinlin.demands.internal.DemandContact;
import org.jinlin.demands.internal.Deliberation;
import org.jinlin.demands.internal.DemandCategories;
import org.jinlin.demands.internal.DemandCategory;
import org.jinlin.demands.internal.DemandRaising;
import org.jinlin.demands.internal.DemandHandling;
import org.jinlin.demands.internal.DemandSupervision;
import org.jinlin.demands.internal.DemandDeliberating;
import org.jinlin.demands.internal.DemandEvaluation;
import org.jinlin.demands.internal.DemandQueries;
import org.jinlin.demands.internal.Extension;
import org.jinlin.demands.internal.DemandNotifications;
import org.jinlin.demands.internal.DemandSearch;
import org.jinlin.demands.internal.DemandStep;
import org.jinlin.demands.internal.DemandView;
import org.jinlin.demands.internal.UrgentNotice;
import org.jinlin.demands.internal.DispatchTarget;
import org.jinlin.demands.internal.Meeting;
import org.jinlin.demands.internal.MeetingDraft;
import org.jinlin.demands.internal.Notification;
import org.jinlin.demands.internal.PhotoRef;
import org.jinlin.demands.internal.PhotoUpload;
import org.jinlin.demands.internal.PublicDemand;
import org.jinlin.demands.internal.RaiseDemand;
import org.jinlin.demands.internal.ReturnReason;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.Paged;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of the demand desk; all rules live in the services of {@code org.jinlin.demands.internal}. */
@RestController
@RequestMapping("/api/v1/demands")
@Tag(name = "Demands", description = "Residents' demands by the five-matters method: raise, deliberate, handle, publicize, evaluate")
@RequiredArgsConstructor
public class DemandApi {

	private final DemandRaising raising;

	private final DemandHandling handling;

	private final DemandSupervision supervision;

	private final DemandDeliberating deliberating;

	private final DemandEvaluation evaluation;

	private final DemandQueries queries;

	private final DemandCategories categories;

	private final DemandNotifications notifications;

	@GetMapping("/categories")
	@Operation(summary = "The active category catalogue with each category's questions and deadlines")
	List<DemandCategory> categories() {
		return categories.active();
	}

	@PutMapping("/categories/{code}")
	@Operation(summary = "Create or replace a category (administrators)")
	DemandCategory saveCategory(@PathVariable String code, @RequestBody CategoryDraft draft) {
		return categories.save(new CategoryDraft(code, draft.name(), draft.nameEn(), draft.description(), draft.group(),
				draft.keywords(), draft.handlingLevel(), draft.departmentCode(), draft.urgency(), draft.signDeadline(),
				draft.signDeadlineUnit(), draft.handleDeadline(), draft.handleDeadlineUnit(), draft.active(),
				draft.attributes()));
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping
	@Operation(summary = "Raise a demand (a resident for herself; staff on a resident's behalf with the channel)")
	ResponseEntity<DemandView> raise(@RequestBody RaiseDemand body) {
		DemandView view = raising.raise(body);
		return ResponseEntity.created(URI.create("/api/v1/demands/" + view.id())).body(view);
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Raise a demand with photos: part 'demand' (JSON) and parts 'photos'")
	ResponseEntity<DemandView> raiseWithPhotos(@RequestPart("demand") RaiseDemand body,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
		DemandView view = raising.raise(body, DemandRequests.uploads(photos));
		return ResponseEntity.created(URI.create("/api/v1/demands/" + view.id())).body(view);
	}

	@GetMapping("/similar")
	@Operation(summary = "Open demands of the same category nearby, to support instead of raising a duplicate")
	List<PublicDemand> similar(@RequestParam String category, @RequestParam(required = false) Long location,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon) {
		return raising.similar(category, location, lat, lon);
	}

	@GetMapping
	@Operation(summary = "Demands in the caller's jurisdiction, newest first")
	Paged<DemandView> search(@RequestParam(required = false) String community,
			@RequestParam(required = false) DemandStatus status, @RequestParam(required = false) String category,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return queries.search(new DemandSearch(community, status, category, from, to, overdue, page, size));
	}

	@GetMapping("/queue")
	@Operation(summary = "The caller's work queue, most urgent and earliest due first")
	List<DemandView> queue(@RequestParam(defaultValue = "100") int limit) {
		return queries.queue(limit);
	}

	@GetMapping("/mine")
	@Operation(summary = "Demands the caller raised")
	List<DemandView> mine(@RequestParam(defaultValue = "50") int limit) {
		return queries.mine(limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One demand")
	DemandView get(@PathVariable long id) {
		return queries.find(id);
	}

	@PostMapping("/{id}/contact")
	@Operation(summary = "The full name and phone of the person who raised the demand, for staff of its area calling "
			+ "her back; recorded in the audit log")
	DemandContact contact(@PathVariable long id) {
		return queries.revealContact(id);
	}

	@GetMapping("/{id}/urgent")
	@Operation(summary = "The urgent answer a demand was raised with (deadlines in minutes, numbers the resident was "
			+ "told to call, whether staff confirmed help is on the way); 404 if it was raised without one")
	UrgentNotice urgent(@PathVariable long id) {
		DemandView d = queries.find(id);
		return queries.urgent(id, categories.findByCode(d.categoryCode()).orElse(null))
			.orElseThrow(() -> new NotFoundException("Demand " + id + " was not raised with an urgent answer"));
	}

	@PostMapping("/{id}/confirm-help")
	@Operation(summary = "On an urgent demand, staff who called the resident confirm that help is on the way (once; "
			+ "409 after that or when the demand is not urgent or no longer open)")
	UrgentNotice confirmHelp(@PathVariable long id) {
		handling.confirmHelp(id);
		return urgent(id);
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "The timeline; internal notes for staff only")
	List<DemandStep> timeline(@PathVariable long id) {
		return queries.timeline(id);
	}

	@GetMapping("/{id}/photos")
	@Operation(summary = "Photos of a demand (before and after)")
	List<PhotoRef> photos(@PathVariable long id) {
		return queries.photos(id);
	}

	@GetMapping("/photos/{photoId}")
	@Operation(summary = "One photo")
	ResponseEntity<byte[]> photo(@PathVariable long photoId) {
		PhotoUpload photo = queries.photo(photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.cacheControl(CacheControl.noStore()).body(photo.bytes());
	}

	@PostMapping("/{id}/sign")
	@Operation(summary = "Sign for a demand (the handling unit); 409 if someone else signed first")
	DemandView sign(@PathVariable long id) {
		return handling.signFor(id);
	}

	@PostMapping("/{id}/claim")
	@Operation(summary = "A grid worker claims a demand in her own grid and signs for it")
	DemandView claim(@PathVariable long id) {
		return handling.claim(id);
	}

	@PostMapping("/{id}/return")
	@Operation(summary = "Return a demand to the dispatcher with a reason")
	DemandView returnDemand(@PathVariable long id, @RequestBody DemandRequests.ReturnRequest body) {
		return handling.returnToDispatcher(id, body.reason(), body.note());
	}

	@PostMapping("/{id}/overrule")
	@Operation(summary = "The dispatcher refuses a return; the same unit gets the demand back")
	DemandView overrule(@PathVariable long id, @RequestBody DemandRequests.NoteRequest body) {
		return handling.overruleReturn(id, body.note());
	}

	@PostMapping("/{id}/location")
	@Operation(summary = "Place a demand still to be located (an Open311 address that matched no place)",
			description = "At a community, grid, compound or building by its territory code, or at a point. A demand "
					+ "that waited at the street and is not yet signed for goes on to the unit its category's rule names.")
	DemandView locate(@PathVariable long id, @RequestBody DemandRequests.LocateRequest body) {
		return handling.locate(id, body.territoryCode(), body.latitude(), body.longitude(), body.addressLabel());
	}

	@PostMapping("/{id}/dispatch")
	@Operation(summary = "Dispatch to a territory unit, a department or one account")
	DemandView dispatch(@PathVariable long id, @RequestBody DemandRequests.DispatchRequest body) {
		return handling.dispatch(id, new DispatchTarget(body.territoryCode(), body.departmentCode(), body.assignee()), body.note());
	}

	@PostMapping("/{id}/extensions")
	@Operation(summary = "Ask a superior for more working days")
	DemandView requestExtension(@PathVariable long id, @RequestBody DemandRequests.ExtensionRequest body) {
		return handling.requestExtension(id, body.workingDays() == null ? 0 : body.workingDays(), body.reason());
	}

	@GetMapping("/{id}/extensions")
	@Operation(summary = "Extension requests of a demand")
	List<Extension> extensions(@PathVariable long id) {
		return handling.extensions(id);
	}

	@PostMapping("/{id}/extensions/decision")
	@Operation(summary = "A superior approves or rejects the pending extension request")
	DemandView decideExtension(@PathVariable long id, @RequestBody DemandRequests.ExtensionDecision body) {
		return supervision.decideExtension(id, Boolean.TRUE.equals(body.approve()), body.note());
	}

	@PostMapping("/{id}/supervise")
	@Operation(summary = "A superior supervises (督办) with an instruction")
	DemandView supervise(@PathVariable long id, @RequestBody DemandRequests.InstructionRequest body) {
		return supervision.supervise(id, body.instruction());
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "A handling note; the public part is shown on the board")
	DemandView note(@PathVariable long id, @RequestBody DemandRequests.HandlingNote body) {
		return handling.addNote(id, body.note(), body.publicNote(), List.of());
	}

	@PostMapping(path = "/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Handling is done: outcome and the reply to the resident")
	DemandView resolve(@PathVariable long id, @RequestBody DemandRequests.ResolveRequest body) {
		return handling.resolve(id, body.outcome(), body.reply(), List.of());
	}

	@PostMapping(path = "/{id}/resolve", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Handling is done, with after-photos: part 'resolution' (JSON) and parts 'photos'")
	DemandView resolveWithPhotos(@PathVariable long id, @RequestPart("resolution") DemandRequests.ResolveRequest body,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
		return handling.resolve(id, body.outcome(), body.reply(), DemandRequests.uploads(photos));
	}

	@PostMapping("/{id}/rating")
	@Operation(summary = "The resident rates the result; unsatisfied sends it back for rework")
	DemandView rate(@PathVariable long id, @RequestBody DemandRequests.RatingRequest body) {
		return evaluation.rate(id, body.rating(), body.comment());
	}

	@PostMapping("/{id}/follow-up")
	@Operation(summary = "Staff record the rating given on a follow-up call")
	DemandView followUp(@PathVariable long id, @RequestBody DemandRequests.RatingRequest body) {
		return evaluation.recordFollowUp(id, body.rating(), body.comment());
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "Merge a duplicate into another demand")
	DemandView merge(@PathVariable long id, @RequestBody DemandRequests.MergeRequest body) {
		if (body.intoId() == null) {
			throw new IllegalArgumentException("intoId is required");
		}
		return handling.merge(id, body.intoId(), body.note());
	}

	@PostMapping("/{id}/public-matter")
	@Operation(summary = "Make a demand a public matter of its community, for deliberation")
	DemandView publicMatter(@PathVariable long id, @RequestBody DemandRequests.NoteRequest body) {
		return deliberating.markPublicMatter(id, body.note());
	}

	@GetMapping("/{id}/deliberation")
	@Operation(summary = "Support, opposition, comments and meetings of a public matter")
	Deliberation deliberation(@PathVariable long id) {
		return deliberating.deliberation(id);
	}

	@PostMapping("/{id}/stance")
	@Operation(summary = "A resident of the community supports or opposes a public matter")
	Deliberation stance(@PathVariable long id, @RequestBody DemandRequests.StanceRequest body) {
		return deliberating.takeStance(id, body.stance());
	}

	@PostMapping("/{id}/comments")
	@Operation(summary = "Comment on a public matter")
	Deliberation comment(@PathVariable long id, @RequestBody DemandRequests.CommentRequest body) {
		return deliberating.comment(id, body.text(), Boolean.TRUE.equals(body.showName()));
	}

	@PostMapping("/{id}/meetings")
	@Operation(summary = "Record a consultation meeting")
	Meeting meeting(@PathVariable long id, @RequestBody MeetingDraft body) {
		return deliberating.recordMeeting(id, body);
	}

	@PostMapping("/{id}/meetings/{meetingId}/publish")
	@Operation(summary = "Publish the meeting's decision; handling starts")
	DemandView publish(@PathVariable long id, @PathVariable long meetingId) {
		return deliberating.publishDecision(id, meetingId);
	}

	@GetMapping("/notifications")
	@Operation(summary = "The caller's latest notifications")
	List<Notification> notifications(@RequestParam(defaultValue = "50") int limit) {
		return notifications.latest(limit);
	}

}
