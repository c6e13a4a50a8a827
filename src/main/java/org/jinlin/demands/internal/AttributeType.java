package org.jinlin.demands.internal;

/** Kinds of per-category questions, after Open311's attribute datatypes. */
public enum AttributeType {
	STRING("string"), TEXT("text"), NUMBER("number"), DATE("datetime"), SINGLE_CHOICE("singlevaluelist"),
	MULTIPLE_CHOICE("multivaluelist");

	private final String open311;

	AttributeType(String open311) {
		this.open311 = open311;
	}

	/** The Open311 GeoReport v2 datatype name. */
	public String open311() {
		return open311;
	}

	public boolean hasChoices() {
		return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
	}
}
