package org.jinlin.consultation;

import java.util.OptionalLong;

import lombok.RequiredArgsConstructor;
import org.jinlin.consultation.internal.ConsultationInvitationRepository;
import org.jinlin.shared.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For the home page: how many of an account's consultation invitations (materials sent ahead to her as a
 * participant) are unread; empty when she was never invited, so the home shows the figure only to participants.
 * The list is {@code /consultation/mine}.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class ConsultationInvitations {

	private final ConsultationInvitationRepository repository;

	public OptionalLong unread(Actor actor) {
		if (actor.isApiKey()) {
			return OptionalLong.empty();
		}
		long[] counts = repository.counts(actor.name());
		return counts[0] == 0 ? OptionalLong.empty() : OptionalLong.of(counts[1]);
	}
}
