package org.jinlin.accounts.internal;

/**
 * Form and request body of a resident's sign-up.
 *
 * @param idSuffix the last six characters of her ID number
 * @param communityCode the community she says she lives in
 */
public record SignUpRequest(String name, String phone, String code, String idSuffix, String communityCode,
		String password) {

	@Override
	public String toString() {
		return "SignUpRequest[communityCode=" + communityCode + "]";
	}
}
