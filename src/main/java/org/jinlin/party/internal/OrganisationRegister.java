package org.jinlin.party.internal;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.jinlin.party.OrgKind;
import org.jinlin.party.internal.PartyDirectory.MemberDraft;
import org.jinlin.party.internal.PartyDirectory.MemberView;
import org.jinlin.party.internal.PartyDirectory.OrgDetail;
import org.jinlin.party.internal.PartyDirectory.OrgDraft;
import org.jinlin.party.internal.PartyOrgRepository.Stored;
import org.jinlin.shared.Actor;
import org.jinlin.shared.Masking;
import org.jinlin.shared.NotFoundException;
import org.jinlin.shared.PersonalDataCipher;
import org.jinlin.shared.web.FieldErrors;
import org.jinlin.shared.web.FieldErrors.FieldError;
import org.jinlin.territory.Territories;
import org.jinlin.territory.TerritoryLevel;
import org.jinlin.territory.TerritoryNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.jinlin.party.internal.PartyRules.add;
import static org.jinlin.party.internal.PartyRules.strip;

/**
 * Changes to the organisation tree: community workers and above create organisations and add members to rosters in
 * their jurisdiction. Phones are stored encrypted and returned masked.
 */
@Service
@RequiredArgsConstructor
public class OrganisationRegister {

	private final PartyOrgRepository orgs;

	private final PartyDirectory directory;

	private final Territories territories;

	private final PersonalDataCipher cipher;

	private final FieldErrors fieldErrors;

	@Transactional
	public OrgDetail create(OrgDraft d) {
		Actor actor = PartyAccess.requireWriter();
		List<FieldError> errors = new ArrayList<>();
		PartyRules.requireText(errors, "name", d.name(), 100);
		OrgKind kind = OrgKind.parse(d.kind()).orElse(null);
		if (kind == null) {
			add(errors, "kind", "party.error.oneOf", Arrays.toString(OrgKind.values()));
		}
		if (d.territoryCode() == null || d.territoryCode().isBlank()) {
			add(errors, "territoryCode", "party.error.blank");
		}
		String cadre = d.secretaryCadre() == null || d.secretaryCadre().isBlank() ? "NONE" : d.secretaryCadre().strip();
		if (!Set.of("NONE", "SERVING", "RETIRED").contains(cadre)) {
			add(errors, "secretaryCadre", "party.error.cadre");
		}
		if (d.secretaryName() != null && d.secretaryName().strip().length() > 50) {
			PartyRules.tooLong(errors, "secretaryName", 50);
		}
		if (!PartyRules.validPhone(d.secretaryPhone())) {
			add(errors, "secretaryPhone", "party.error.phone");
		}
		if (d.memberCount() != null && !PartyRules.inRange(d.memberCount(), 0, 100_000)) {
			PartyRules.range(errors, "memberCount", 0, 100_000);
		}
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		TerritoryNode at = territories.lookupByCode(d.territoryCode().strip()).orElse(null);
		if (at == null) {
			add(errors, "territoryCode", "party.error.territory");
			fieldErrors.failIfAny(PartyRules.INVALID, errors);
		}
		if (!actor.covers(at.path())) {
			throw new NotFoundException("No territory with code " + d.territoryCode());
		}
		if (kind == OrgKind.COMMUNITY_COMMITTEE && at.level() != TerritoryLevel.COMMUNITY) {
			add(errors, "territoryCode", "party.error.committeeAtCommunity");
		}
		checkParent(d, kind, at, actor, errors);
		List<TerritoryNode> compounds = compounds(d, kind, at, errors);
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		String phone = strip(d.secretaryPhone());
		long id = orgs.insert(new PartyOrgRepository.NewOrg(d.name().strip(), kind, d.parentId(), at.id(), at.path(),
				strip(d.secretaryName()), cadre, cipher.encrypt(phone), Masking.phone(phone),
				d.memberCount() == null ? 0 : d.memberCount(), actor.name()));
		for (TerritoryNode c : compounds.stream().distinct().toList()) {
			orgs.cover(id, c.id(), c.path());
		}
		return directory.find(id);
	}

	/** A parent in the jurisdiction and the same community; branches and building groups need one. */
	private void checkParent(OrgDraft d, OrgKind kind, TerritoryNode at, Actor actor, List<FieldError> errors) {
		if (d.parentId() == null) {
			if (kind == OrgKind.COMPOUND_BRANCH || kind == OrgKind.BUILDING_GROUP) {
				add(errors, "parentId", "party.error.blank");
			}
			return;
		}
		Stored parent = orgs.find(d.parentId()).filter(p -> actor.covers(p.territoryPath())).orElse(null);
		if (parent == null) {
			add(errors, "parentId", "party.error.parent");
			return;
		}
		String scope = PartyDirectory.community(parent.territoryPath()).map(c -> cutAt(parent.territoryPath(), c))
			.orElse(parent.territoryPath());
		if (!at.path().startsWith(scope)) {
			add(errors, "parentId", "party.error.parentCommunity");
		}
	}

	/** The compounds the draft names, at the organisation's place; a compound branch covers at least one. */
	private List<TerritoryNode> compounds(OrgDraft d, OrgKind kind, TerritoryNode at, List<FieldError> errors) {
		List<TerritoryNode> compounds = new ArrayList<>();
		for (String code : d.compoundCodes() == null ? List.<String>of() : d.compoundCodes()) {
			TerritoryNode c = code == null ? null : territories.lookupByCode(code.strip()).orElse(null);
			if (c == null || c.level() != TerritoryLevel.COMPOUND || !c.path().startsWith(at.path())
					&& !at.path().startsWith(c.path())) {
				add(errors, "compoundCodes", "party.error.compound", String.valueOf(code));
			}
			else {
				compounds.add(c);
			}
		}
		if (kind == OrgKind.COMPOUND_BRANCH && compounds.isEmpty() && !PartyRules.has(errors, "compoundCodes")) {
			add(errors, "compoundCodes", "party.error.branchCompounds");
		}
		return compounds;
	}

	private static String cutAt(String path, long id) {
		String marker = "/" + id + "/";
		int i = path.indexOf(marker);
		return path.substring(0, i + marker.length());
	}

	@Transactional
	public MemberView addMember(long orgId, MemberDraft d) {
		Actor actor = PartyAccess.requireReader();
		Stored org = directory.stored(actor, orgId);
		PartyAccess.requireWriter();
		List<FieldError> errors = new ArrayList<>();
		PartyRules.requireText(errors, "name", d.name(), 50);
		if (d.gender() == null || !Set.of("MALE", "FEMALE").contains(d.gender())) {
			add(errors, "gender", "party.error.gender");
		}
		int now = Year.now().getValue();
		if (!PartyRules.inRange(d.birthYear(), now - 120, now - 18)) {
			add(errors, "birthYear", "party.error.birthYear", String.valueOf(now - 120), String.valueOf(now - 18));
		}
		if (!PartyRules.inRange(d.joinedYear(), 1921, now) || d.birthYear() != null && d.joinedYear() < d.birthYear() + 18) {
			add(errors, "joinedYear", "party.error.joinedYear");
		}
		if (d.inService() == null) {
			add(errors, "inService", "party.error.blank");
		}
		if (!PartyRules.validPhone(d.phone())) {
			add(errors, "phone", "party.error.phone");
		}
		fieldErrors.failIfAny(PartyRules.INVALID, errors);
		String phone = strip(d.phone());
		long id = orgs.insertMember(new PartyOrgRepository.NewMember(org.id(), org.territoryPath(), d.name().strip(),
				d.gender(), d.birthYear(), d.joinedYear(), strip(d.accountUsername()), strip(d.employerUnit()), d.inService(),
				cipher.encrypt(phone), Masking.phone(phone)));
		return new MemberView(id, d.name().strip(), d.gender(), d.birthYear(), d.joinedYear(), strip(d.accountUsername()),
				strip(d.employerUnit()), d.inService(), Masking.phone(phone));
	}
}
