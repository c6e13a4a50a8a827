package org.jinlin.people;

/**
 * Search criteria for the register; all optional. Always combined with the caller's jurisdiction.
 *
 * @param namePrefix name starts with this
 * @param tag resident carries this tag
 * @param communityCode territory code of a community (or any node) to narrow to its subtree
 * @param buildingId territory node id of a building
 * @param status ACTIVE when {@code null}
 * @param page zero-based page
 * @param size page size, 1..{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE})
 */
public record ResidentQuery(String namePrefix, ResidentTag tag, String communityCode, Long buildingId,
		ResidentStatus status, int page, int size) {

	public static final int DEFAULT_SIZE = 20;

	public static final int MAX_SIZE = 200;

	public ResidentQuery {
		namePrefix = namePrefix == null || namePrefix.isBlank() ? null : namePrefix.trim();
		communityCode = communityCode == null || communityCode.isBlank() ? null : communityCode.trim();
		status = status == null ? ResidentStatus.ACTIVE : status;
		page = Math.max(0, page);
		size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
	}

	/** Every active resident in the caller's jurisdiction, first page. */
	public static ResidentQuery all() {
		return new ResidentQuery(null, null, null, null, ResidentStatus.ACTIVE, 0, DEFAULT_SIZE);
	}

	public ResidentQuery withPage(int page) {
		return new ResidentQuery(namePrefix, tag, communityCode, buildingId, status, page, size);
	}
}
