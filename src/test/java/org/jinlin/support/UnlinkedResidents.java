package org.jinlin.support;

import java.util.ArrayList;
import java.util.List;

import org.jinlin.people.ResidentRegister;
import org.jinlin.shared.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Residents of the register a test can sign up as: active, linked to no account, and the only one with their name and
 * the last six characters of their ID number (which the test learns by decrypting, as only a test may). Taken from
 * the newest records down, so tests that take the oldest unlinked resident of a community (the access matrix) are not
 * disturbed.
 */
public final class UnlinkedResidents {

	private UnlinkedResidents() {
	}

	/** A resident as a person signing up knows herself. */
	public record Person(long id, String name, String idSuffix, long communityId) {
	}

	/** {@code count} residents under the territory node with this code, none of them in {@code taken}. */
	public static List<Person> take(JdbcClient jdbc, PersonalDataCipher cipher, ResidentRegister register,
			String territoryCode, int count, java.util.Collection<Long> taken) {
		List<Person> found = new ArrayList<>();
		List<Object[]> rows = jdbc.sql("""
				SELECT r.id, r.name, r.id_number_cipher, r.community_id FROM resident r
				WHERE r.status = 'ACTIVE'
				  AND r.territory_path LIKE (SELECT path FROM territory_node WHERE code = ?) || '%'
				  AND r.id NOT IN (SELECT resident_id FROM account WHERE resident_id IS NOT NULL)
				ORDER BY r.id DESC LIMIT 200""").param(territoryCode)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4) }).list();
		for (Object[] r : rows) {
			long id = (Long) r[0];
			if (taken.contains(id)) {
				continue;
			}
			String idNumber = cipher.decrypt((String) r[2]);
			String suffix = idNumber.substring(idNumber.length() - 6);
			if (register.lookupIdsByNameAndIdSuffix((String) r[1], suffix).equals(List.of(id))) {
				found.add(new Person(id, (String) r[1], suffix, (Long) r[3]));
				if (found.size() == count) {
					return found;
				}
			}
		}
		throw new IllegalStateException("Not enough unlinked residents under " + territoryCode);
	}
}
