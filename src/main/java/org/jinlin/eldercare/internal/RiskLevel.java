package org.jinlin.eldercare.internal;

/** Derived care risk, from ability level, living alone, age and recent alarms. */
public enum RiskLevel {
	LOW, MEDIUM, HIGH, VERY_HIGH
}
