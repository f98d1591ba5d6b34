package org.apache.hadoop.io;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The MapFile key class of GeoTrellis's Hadoop layer backend. GeoTrellis ships a class of this exact
 * name inside geotrellis-store (not in Hadoop) and writes the name into every MapFile's SequenceFile
 * headers, so a compatible writer must use a class of the same name, and a reader must have one to
 * open the MapFiles. Written independently from the format's description: the bytes are
 * {@code BigInteger.toByteArray()} of the key index (minimal two's complement, big-endian), compared
 * as BigIntegers. If geotrellis-store is also on the class path, either class reads and writes the
 * same bytes.
 */
public class BigIntWritable extends BytesWritable implements WritableComparable<BinaryComparable> {
    static {
        WritableComparator.define(BigIntWritable.class, new Comparator());
    }

    public BigIntWritable() {
        super();
    }

    public BigIntWritable(byte[] bytes) {
        super(bytes);
    }

    /** The value as a BigInteger. */
    public BigInteger toBigInteger() {
        return new BigInteger(Arrays.copyOf(getBytes(), getLength()));
    }

    @Override
    public int compareTo(BinaryComparable other) {
        BigInteger a = new BigInteger(Arrays.copyOf(getBytes(), getLength()));
        BigInteger b = new BigInteger(Arrays.copyOf(other.getBytes(), other.getLength()));
        return a.compareTo(b);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** Orders deserialized keys as BigIntegers. */
    public static class Comparator extends WritableComparator {
        public Comparator() {
            super(BigIntWritable.class);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"}) // Hadoop's signature is raw; both are BigIntWritables
        public int compare(WritableComparable a, WritableComparable b) {
            return a.compareTo(b);
        }
    }
}
