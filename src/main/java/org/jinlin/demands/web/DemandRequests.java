package org.jinlin.demands.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jinlin.demands.Outcome;
import org.jinlin.demands.Rating;
import org.jinlin.demands.internal.Deliberation;
import org.jinlin.demands.internal.PhotoUpload;
import org.jinlin.demands.internal.ReturnReason;
import org.jinlin.shared.web.ValidationFailedException;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the API's JSON bodies and the desk's forms carry for the commands of the closed loop (the same records
 * for both), and the uploaded photos of either.
 */
public final class DemandRequests {

	private DemandRequests() {
	}

	/** Non-empty uploaded files as photos; the services check their type and size. */
	public static List<PhotoUpload> uploads(List<MultipartFile> files) {
		List<PhotoUpload> list = new ArrayList<>();
		if (files == null) {
			return list;
		}
		for (MultipartFile f : files) {
			if (f == null || f.isEmpty()) {
				continue;
			}
			try {
				list.add(new PhotoUpload(f.getContentType(), f.getBytes()));
			}
			catch (IOException e) {
				throw ValidationFailedException.field("photos", "The photo could not be read");
			}
		}
		return list;
	}

	public record ReturnRequest(ReturnReason reason, String note) {
	}

	public record NoteRequest(String note) {
	}

	/** Where a dispatcher places a demand still to be located: a territory code, or a point; the address optional. */
	public record LocateRequest(String territoryCode, Double latitude, Double longitude, String addressLabel) {
	}

	public record DispatchRequest(String territoryCode, String departmentCode, String assignee, String note) {
	}

	public record ExtensionRequest(Integer workingDays, String reason) {
	}

	public record ExtensionDecision(Boolean approve, String note) {
	}

	public record InstructionRequest(String instruction) {
	}

	public record HandlingNote(String note, String publicNote) {
	}

	public record ResolveRequest(Outcome outcome, String reply) {
	}

	public record RatingRequest(Rating rating, String comment) {
	}

	public record MergeRequest(Long intoId, String note) {
	}

	public record StanceRequest(Deliberation.Stance stance) {
	}

	/** {@code showName}: show the resident's (masked) name with the comment; not shown when absent. */
	public record CommentRequest(String text, Boolean showName) {
	}
}
