package dev.dbkit.codegen;

import java.util.BitSet;

import dev.dbkit.query.ValueConverter;

/**
 * A {@code bit(8)} string ({@code B'10100000'}) as a {@code BitSet}, bit 0 first: a converter a type override names.
 */
public class BitStringConverter implements ValueConverter<BitSet> {

	private static final int LENGTH = 8;

	@Override
	public BitSet read(String text) {
		BitSet bits = new BitSet(text.length());
		for (int i = 0; i < text.length(); i++) {
			bits.set(i, text.charAt(i) == '1');
		}
		return bits;
	}

	@Override
	public String write(BitSet value) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < LENGTH; i++) {
			text.append(value.get(i) ? '1' : '0');
		}
		return text.toString();
	}

}
