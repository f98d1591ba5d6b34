package io.rastermill.io.codec;

import java.util.SplittableRandom;

/** Seeded test segments of four kinds. */
enum SegmentData {
    RANDOM,
    RUNS,
    GRADIENT,
    ZEROS;

    byte[] generate(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] data = new byte[length];
        switch (this) {
            case RANDOM:
                random.nextBytes(data);
                break;
            case RUNS:
                for (int i = 0; i < length; ) {
                    byte b = (byte) random.nextInt(4);
                    int run = 1 + random.nextInt(300);
                    for (int j = 0; j < run && i < length; j++) {
                        data[i++] = b;
                    }
                }
                break;
            case GRADIENT:
                for (int i = 0; i < length; i++) {
                    data[i] = (byte) ((i / 7) + (i % 3));
                }
                break;
            default:
                break;
        }
        return data;
    }
}
