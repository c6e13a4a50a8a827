package org.jinlin.publiclog.web;

import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.jinlin.publiclog.internal.LogAccess;
import org.jinlin.publiclog.internal.LogReads;
import org.jinlin.publiclog.internal.LogRepository;
import org.jinlin.publiclog.internal.LogSelfCheck;
import org.jinlin.publiclog.internal.LogSettings;
import org.jinlin.publiclog.tlog.ProofVerifier;
import org.jinlin.shared.Paged;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public log's API, open without sign-in except the status: the checkpoint, proofs from the tiles, the leaves,
 * and two pure computations for anyone who wants to check proofs obtained elsewhere.
 */
@RestController
@RequestMapping("/api/v1/log")
@Tag(name = "Public log")
@RequiredArgsConstructor
class LogApi {

	private final LogReads reads;

	private final LogSettings settings;

	private final LogSelfCheck selfCheck;

	private final FieldErrors problems;

	record CheckpointJson(String origin, long size, String rootHash, String note, String verifierKey) {
	}

	@GetMapping("/checkpoint")
	@Operation(summary = "The latest signed checkpoint, its parts and the key that verifies it")
	CheckpointJson checkpoint() {
		LogRepository.CheckpointRow c = reads.checkpoint();
		return new CheckpointJson(settings.origin(), c.size(), Base64.getEncoder().encodeToString(c.rootHash()), c.note(),
				settings.verifierKey());
	}

	@GetMapping("/proof/inclusion")
	@Operation(summary = "The inclusion proof of leaf `index` in the tree of `size` leaves (default: the latest checkpoint's)")
	LogReads.InclusionProof inclusion(@RequestParam(required = false) Long index, @RequestParam(required = false) Long size) {
		return reads.inclusion(index, size);
	}

	@GetMapping("/proof/consistency")
	@Operation(summary = "The consistency proof between the trees of `from` and `to` leaves (default to: the latest checkpoint's)")
	LogReads.ConsistencyProof consistency(@RequestParam(required = false) Long from,
			@RequestParam(required = false) Long to) {
		return reads.consistency(from, to);
	}

	@GetMapping("/leaves")
	@Operation(summary = "The signed leaves, newest first, optionally of one kind or one pseudonymous holder")
	Paged<LogReads.Leaf> leaves(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String holder, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return reads.leaves(kind, holder, page, size);
	}

	@GetMapping("/leaves/find")
	@Operation(summary = "The leaf of a public fact by its kind and its id in the source module (e.g. demand.closed, 42)")
	LogReads.Leaf find(@RequestParam String kind, @RequestParam String ref) {
		return reads.find(kind, ref);
	}

	record Verdict(boolean valid, String reason) {

		static Verdict of(ProofVerifier.Verdict v) {
			return new Verdict(v.valid(), v.reason());
		}
	}

	record InclusionCheck(String leafHash, Long index, Long treeSize, List<String> proof, String rootHash) {
	}

	record ConsistencyCheck(Long size1, Long size2, List<String> proof, String root1, String root2) {
	}

	@PostMapping("/verify/inclusion")
	@Operation(summary = "Checks an inclusion proof (hashes in base64): 200 with valid true or false for every "
			+ "well-formed request, impossible sizes included; 400 only for malformed JSON or base64")
	Verdict verifyInclusion(@RequestBody InclusionCheck body) {
		Decoded d = new Decoded();
		byte[] leaf = d.one("leafHash", body.leafHash());
		byte[] root = d.one("rootHash", body.rootHash());
		List<byte[]> proof = d.all("proof", body.proof());
		d.require("index", body.index());
		d.require("treeSize", body.treeSize());
		d.failIfAny();
		return Verdict.of(ProofVerifier.inclusion(leaf, body.index(), body.treeSize(), proof, root));
	}

	@PostMapping("/verify/consistency")
	@Operation(summary = "Checks a consistency proof (hashes in base64): 200 with valid true or false for every "
			+ "well-formed request, impossible sizes included; 400 only for malformed JSON or base64")
	Verdict verifyConsistency(@RequestBody ConsistencyCheck body) {
		Decoded d = new Decoded();
		byte[] root1 = d.one("root1", body.root1());
		byte[] root2 = d.one("root2", body.root2());
		List<byte[]> proof = d.all("proof", body.proof());
		d.require("size1", body.size1());
		d.require("size2", body.size2());
		d.failIfAny();
		return Verdict.of(ProofVerifier.consistency(body.size1(), body.size2(), proof, root1, root2));
	}

	record Status(long size, long waiting, java.time.Instant oldestWaiting, java.time.Instant lastSigned,
			Boolean sound, List<String> problems) {
	}

	@GetMapping("/status")
	@Operation(summary = "Staff: integration lag (facts waiting, the oldest's age) and the last self-check")
	Status status() {
		LogAccess.requireStaff();
		LogRepository.CheckpointRow c = reads.head();
		LogRepository.Lag lag = reads.lag();
		LogSelfCheck.Result check = selfCheck.last();
		return new Status(c.size(), lag.waiting(), lag.oldest(), c.signedAt(), check == null ? null : check.sound(),
				check == null ? List.of() : check.problems());
	}

	/** Base64 fields decoded, with a field message for each that is missing or not base64. */
	private final class Decoded {

		private final java.util.ArrayList<FieldError> errors = new java.util.ArrayList<>();

		byte[] one(String field, String value) {
			if (value == null) {
				errors.add(new FieldError(field, "publiclog.error.required"));
				return new byte[0];
			}
			try {
				return Base64.getDecoder().decode(value);
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError(field, "publiclog.error.base64"));
				return new byte[0];
			}
		}

		List<byte[]> all(String field, List<String> values) {
			if (values == null) {
				errors.add(new FieldError(field, "publiclog.error.required"));
				return List.of();
			}
			return values.stream().map(v -> one(field, v)).toList();
		}

		void require(String field, Object value) {
			if (value == null) {
				errors.add(new FieldError(field, "publiclog.error.required"));
			}
		}

		void failIfAny() {
			problems.failIfAny("publiclog.error.invalid", errors);
		}
	}
}
