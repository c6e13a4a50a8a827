package org.jinlin.quality.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.jinlin.quality.internal.CertificationRepository.Assessment;
import org.jinlin.shared.NotFoundException;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public side of certification, for anyone signed in or not: a community's certificate on its public board and
 * the verification of a certificate number. Nothing beyond the community, level, number and dates.
 */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class CertificationPublic {

	private final CertificationRepository repository;

	private final Territories territories;

	/**
	 * A community's certificate as the public sees it.
	 *
	 * @param standing VALID, LAPSING (still valid, its last 90 days), EXPIRED, or NONE (never certified)
	 */
	public record PublicCertificate(String communityCode, String communityName, String level, String number,
			LocalDate validFrom, LocalDate validUntil, String standing, String verificationPath) {
	}

	/** The community's latest certificate (standing NONE when it never had one); an unknown community is not found. */
	public PublicCertificate ofCommunity(String communityCode) {
		TerritoryNode community = territories.lookupByCode(communityCode == null ? "" : communityCode.strip())
			.filter(n -> n.level() == TerritoryLevel.COMMUNITY)
			.orElseThrow(() -> new NotFoundException("No community " + communityCode));
		return repository.latestCertificate(community.code())
			.map(a -> of(a, community.name()))
			.orElseGet(() -> new PublicCertificate(community.code(), community.name(), null, null, null, null, "NONE",
					null));
	}

	/** The certificate with this number, if it was ever issued (expired ones included: their standing says so). */
	public Optional<PublicCertificate> verify(String number) {
		if (number == null || !number.strip().toUpperCase(Locale.ROOT).matches("QC-[0-9]{4}-[A-Z0-9]{10}")) {
			return Optional.empty();
		}
		return repository.byNumber(number.strip().toUpperCase(Locale.ROOT))
			.map(a -> of(a, territories.lookup(a.communityId()).map(TerritoryNode::name).orElse(a.communityCode())));
	}

	/** The path of a certificate number's public verification page. */
	public static String verificationPath(String number) {
		return "/public/quality/certificates/" + number;
	}

	private PublicCertificate of(Assessment a, String name) {
		return new PublicCertificate(a.communityCode(), name, a.levelCode(), a.certificateNumber(), a.validFrom(),
				a.validUntil(), CertificationRules.standing(a.validUntil(), CertificationAssessments.today()).name(),
				verificationPath(a.certificateNumber()));
	}
}
