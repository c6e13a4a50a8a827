package org.jinlin.shared;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTests {

	static final String KEY_A = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	static final String KEY_B = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	final PersonalDataCipher cipher = new PersonalDataCipher(KEY_A, KEY_B);

	@Test
	void roundTrips() {
		String stored = cipher.encrypt("11010519491231002X");
		assertThat(stored).doesNotContain("11010519491231002X");
		assertThat(cipher.decrypt(stored)).isEqualTo("11010519491231002X");
		assertThat(cipher.decrypt(cipher.encrypt("福州 13812345678"))).isEqualTo("福州 13812345678");
		assertThat(cipher.encrypt(null)).isNull();
		assertThat(cipher.decrypt(null)).isNull();
	}

	@Test
	void usesAFreshIvEachTime() {
		String a = cipher.encrypt("13812345678");
		String b = cipher.encrypt("13812345678");
		assertThat(a).isNotEqualTo(b);
		assertThat(Base64.getDecoder().decode(a)).hasSize(12 + 11 + 16);
		assertThat(java.util.Arrays.copyOf(Base64.getDecoder().decode(a), 12))
			.isNotEqualTo(java.util.Arrays.copyOf(Base64.getDecoder().decode(b), 12));
	}

	@Test
	void blindIndexIsStableKeyedAndHex() {
		String i1 = cipher.blindIndex("11010519491231002X");
		assertThat(i1).isEqualTo(cipher.blindIndex("11010519491231002X")).matches("[0-9a-f]{64}");
		assertThat(new PersonalDataCipher(KEY_A, KEY_B).blindIndex("11010519491231002X")).isEqualTo(i1);
		assertThat(new PersonalDataCipher(KEY_A, KEY_A).blindIndex("11010519491231002X")).isNotEqualTo(i1);
		assertThat(cipher.blindIndex("110105194912310029")).isNotEqualTo(i1);
	}

	@Test
	void detectsTamperingAndWrongKeys() {
		String stored = cipher.encrypt("13812345678");
		byte[] raw = Base64.getDecoder().decode(stored);
		raw[raw.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(raw)))
			.isInstanceOf(IllegalStateException.class).hasMessageNotContaining("13812345678");
		assertThatThrownBy(() -> new PersonalDataCipher(KEY_B, KEY_B).decrypt(stored)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void failsFastOnMissingOrShortKeys() {
		assertThatThrownBy(() -> new PersonalDataCipher("", KEY_B)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("jinlin.crypto.data-key");
		assertThatThrownBy(() -> new PersonalDataCipher(KEY_A, Base64.getEncoder().encodeToString(new byte[16])))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("jinlin.crypto.index-key");
		assertThatThrownBy(() -> new PersonalDataCipher("not base64!", KEY_B)).isInstanceOf(IllegalStateException.class);
	}
}
