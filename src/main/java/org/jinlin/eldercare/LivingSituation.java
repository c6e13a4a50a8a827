package org.jinlin.eldercare;

/** Where and with whom an elder lives (独居 / 空巢 / 与家人同住). */
public enum LivingSituation {
	ALONE, EMPTY_NEST, WITH_FAMILY
}
