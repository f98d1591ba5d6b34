package io.rastermill.io.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Golden segments written by GDAL 3.6.2 (libtiff): each is the single tile of a GeoTIFF made with the recorded
 * {@code gdal_translate} command from a raw ENVI file (bip, little-endian) holding the formula given in the test,
 * then cut out of the file at its TileOffsets/TileByteCounts. Decoding it with our codec and predictor must give the
 * formula back exactly.
 *
 * <p>No big-endian predictor 3 golden here on purpose: GDAL before 3.10.1 (its internal libtiff) wrote predictor 3
 * with non-native byte order wrongly (OSGeo/gdal#11504; GDAL 3.6.2 does not even read its own such file back). Our
 * predictor 3 follows the Adobe note — most significant byte plane first whatever the file byte order — and is pinned
 * by hand-computed vectors in {@link KnownVectorsTest}.
 */
class GdalGoldenSegmentsTest {

    private enum SampleType {
        UINT8(8),
        INT16(16),
        FLOAT32(32),
        FLOAT64(64);

        final int bits;

        SampleType(int bits) {
            this.bits = bits;
        }
    }

    @FunctionalInterface
    private interface Formula {
        double value(int band, int x, int y);
    }

    @Test
    void float32LzwPred3Le() throws Exception {
        check(
                FLOAT32_LZW_PRED3_LE,
                5,
                3,
                SampleType.FLOAT32,
                ByteOrder.LITTLE_ENDIAN,
                16,
                16,
                1,
                (b, x, y) -> 1000 + x * 0.5 - y * 0.125);
    }

    @Test
    void float64ZstdPred3Le() throws Exception {
        check(
                FLOAT64_ZSTD_PRED3_LE,
                50000,
                3,
                SampleType.FLOAT64,
                ByteOrder.LITTLE_ENDIAN,
                16,
                16,
                1,
                (b, x, y) -> x * 1.5 + y * y * 0.01 - b * 3.0);
    }

    @Test
    void int16x3DeflatePred2Be() throws Exception {
        check(
                INT16X3_DEFLATE_PRED2_BE,
                8,
                2,
                SampleType.INT16,
                ByteOrder.BIG_ENDIAN,
                16,
                16,
                3,
                (b, x, y) -> (x * 37 + y * 11 + b * 1000) % 3000 - 1500);
    }

    @Test
    void uint8Lzw128() throws Exception {
        check(
                UINT8_LZW_128,
                5,
                1,
                SampleType.UINT8,
                ByteOrder.LITTLE_ENDIAN,
                128,
                128,
                1,
                (b, x, y) -> ((x * x + y * 7) ^ (x * y)) & 0xFF);
    }

    @Test
    void uint8Packbits() throws Exception {
        check(
                UINT8_PACKBITS,
                32773,
                1,
                SampleType.UINT8,
                ByteOrder.LITTLE_ENDIAN,
                16,
                16,
                1,
                (b, x, y) -> (x / 4 + y / 4) & 0xFF);
    }

    @Test
    void float32x3DeflatePred3Le() throws Exception {
        check(
                FLOAT32X3_DEFLATE_PRED3_LE,
                8,
                3,
                SampleType.FLOAT32,
                ByteOrder.LITTLE_ENDIAN,
                16,
                16,
                3,
                (b, x, y) -> -50 + x * 0.25 + y * 2.0 + b * 0.5);
    }

    private static void check(
            String base64,
            int compressionTag,
            int predictorTag,
            SampleType type,
            ByteOrder order,
            int width,
            int height,
            int bands,
            Formula formula)
            throws Exception {
        byte[] segment = Base64.getMimeDecoder().decode(base64);
        int expectedLen = width * height * bands * type.bits / 8;
        byte[] out = new byte[expectedLen];
        try (SegmentDecompressor decoder = Compression.forTag(compressionTag).newDecompressor()) {
            assertEquals(expectedLen, decoder.decompress(segment, 0, segment.length, out, 0, expectedLen));
        }
        Predictor.of(predictorTag, type.bits, bands, order).decode(out, 0, width, height);
        ByteBuffer buf = ByteBuffer.wrap(out).order(order);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++) {
                    int i = (y * width + x) * bands + b;
                    double expected = formula.value(b, x, y);
                    String at = "band " + b + " x " + x + " y " + y;
                    switch (type) {
                        case UINT8:
                            assertEquals((int) expected, buf.get(i) & 0xFF, at);
                            break;
                        case INT16:
                            assertEquals((int) expected, buf.getShort(2 * i), at);
                            break;
                        case FLOAT32:
                            assertEquals((float) expected, buf.getFloat(4 * i), at);
                            break;
                        default:
                            assertEquals(expected, buf.getDouble(8 * i), at);
                            break;
                    }
                }
            }
        }
    }

    /** gdal_translate -q -of GTiff -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 -co COMPRESS=LZW -co PREDICTOR=3 in.bin out.tif */
    private static final String FLOAT32_LZW_PRED3_LE = """
            gBEAEDgkFgw2g0DAMJACFEEPiERiQghkVgUVhI1hcJjcFPsTkEPFEYhMXkkEjUMjsEOshkAwk8Fk0xlMchJtl0THExgkzk81g0rg
            ZlnMSIE8gc+kg1AFChUGLtFiJIpAApUYplOpsGKtSiBQqtXitZlUGJteh5YsNVsk2gpFtAgMFrpFMrdugY9uJouk8u1alY1uJwvs
            0p94AAtuJ4ws/w9BgoluKAxtLgmAggduKIytYy9lgYVuKQztjz94BtxTFVgI
            """;

    /** gdal_translate -q -of GTiff -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 -co COMPRESS=ZSTD -co PREDICTOR=3 in.bin out.tif */
    private static final String FLOAT64_ZSTD_PRED3_LE = """
            KLUv/QBgFRIARphZQiCPqjVQ1fa1492i8ElbZs4C60AHaQ8PeoFIIE+qIDxZxHNqek2AfrwwwKTmAxZMw/BvTQVyKxKE/T7CHtSD
            uqVMAUQATQBGAF9VnETvJ6okwUD+CFoSKIjUL1tADhP1VoaRI/haGMou9l9Vwy70okdN0PDiSxLcXNg8slWZdFIaRVEEQJImAS5S
            niMHBjAeSGJhVmKttR8hCweIB43GRpKk0bHAg0JVoMchLzKU1QbWWkuC2Wh4hGzgcNzGcRu3bR8qrPzFNhYPBxnKlmtlfzGt08Lv
            Qp/IVx1bn4v9rYWIKFn8G4EhZVwIgBjlznfjuhunrzs+de6jCWutZXH3fUAnnRmXAvcPpmZUiIEV5rVQEGH8RFWQAJcDJpz3VGEN
            NmUU87PmxH7QExw2gslfdYV2lPCABq1i0BBWkMC8lTE4zJw5swWVDm9lCDYGnKSYdNIpXagQndDiX4KrXi5qE7V16RnBtYCFqIFQ
            r0iMDbsBMAMJJExtAxIgtShCgRgBkrAqJSr/7w4xUB4DShWIwwIPxhaLJyOYDh4wxqogejzgz4jCxgo5lLCWYwtZoEw8CKGIzxfk
            SmBirE8DfANVm4GkZr8KwdjwxLDj6UnDI1ksD+Z+bkwW+EkbES2tljj2EYWOKnL/g6AVQGdZfQaggnfctlBydcACfcoJQZ8/DOjA
            IL9X0iCqD+QOjKNqnDroqeab6EDChMyJKg1cJo/txmvghKfaXMiiDT1KQHtaUpTyQinJ/gDuCoI/ufeL5PQ=
            """;

    /** gdal_translate -q -of GTiff -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 -co COMPRESS=DEFLATE -co PREDICTOR=2 -co ENDIANNESS=BIG -co INTERLEAVE=PIXEL in.bin out.tif */
    private static final String INT16X3_DEFLATE_PRED2_BE = """
            eJz7pfKPh/ELgyqt4C/9f+KM/2lovtU/JSYuGprv+k+XSZSG5gf8s2BSoKH50f+cmbRpaH7aPz8mMxqaX/gvksmRhubX/Eth8qGh
            +e3/8pnCaWj+pH9VTEk0NH/uv1amXBqav+LfBKYKGpq/+d9spmYamr/v3zKmPhqaf/LfRqaZtDMfACzxm2c=
            """;

    /** gdal_translate -q -of GTiff -co TILED=YES -co BLOCKXSIZE=128 -co BLOCKYSIZE=128 -co COMPRESS=LZW in.bin out.tif */
    private static final String UINT8_LZW_128 = """
            gAAAIEBIQDIkGJAKJkPKQVLEcIAEJENKQXLkCJAOKkbIQJKEYIAIKEZIQLKkeJASLkHKQdJEUIAMLEFKQfJkaJAWIkTIQRIEQIAQ
            IERIQTIkWJAaJkfKQFLEMIAUJEdKQHLkSJAeKkLIQZKEIIAYKEJIQbKkOJACLkXKQNJEEIAcLEVKQPJkKJAGIkDIQBIEAIHBIJCY
            TEotH5PKJhRabXrFc4XHJZMaDar9B5fMKxfYLJqVa4nNKpeYzIqNb5vWLBNa7bplQ43LL5AajGpdd5/QIRTYrVo1W5HZJJaZTcpt
            f4PSIhJbbPqFE5XfIZUbDCq9Z4fULxHZLRrVC5nVLpGZzQrND4vOKBVb7DolI53TK5YbjeodF4/IJRLZrNo6juBwGgsCILBaHwYi
            8JozEiQxWmceIXAaOwolsdpvBiPwmkMaITDaVx4icBprEiKwWn8WIPGaUwImMVoHHiNwGlsKJ7DaDxYh8ZojGiMx2jceJHAaSwIk
            sFpfBibwmnMSIDFaJx4lcBp7CiGx2i8GJ/CaAxolMNoXHiZwGisSJrBaPxYk8ZoTAiIxWkceJ3AaGwojsNpPFiXxmmMaJzHadx4g
            qCoPguFIQhWKYmj6M5XkCTJ5m2EoCjeI5MniXYxg6Zp7l+OIEmGRY6hqf5biSAJljmFpukOZ4QjyaYdkKconlOHJIm2IZ+jaS4Pk
            iFJRhWaoqm+K50jCdYJkaHpTneIJshmTZyiKV4DiyzhRi6Bpbj+GJkkGJYanqX47gSYJFlmNoOmOR5whyCY9iKUpHnOfJog2AYeh
            aK4viiNIxjWDgMhQFIeBCLAoj4JJUFyTh4mwYIuDyFBkn4QIsDiHh0lQTIuAibBQk4bIUDSXhwiwSJ+ASVB8g4WJsACbhchQRI+G
            CLAYl4FJUCybgomwMIOEyFBUh4UIsGiPhklQHJODibAgi4fIUCSfgAiweIeDSVAMi4SJsBCTgshQdJeDCLAIn4RJUDyDgYmwQJuB
            yFAEj4IIsFiXhUlQbJuGibBwhGEIWhGE4SiyO4liyWpVkeRpQieOYIh6aZrlqNIjg2dIij2X5+hiP5BmCBohkOYo8muVY8mqRY3n
            aQIXmmOIOlmW4KkSc49mSMpNg+ToIk+MZwjacYznKDJbgWTJ6jWZ5mjCB5ZiifpJguepUgObZUgKXZ/h6OJfmGAImkGY4ChyS41h
            yCplleVogjeCYYm6eZ7mqZITh2BISi2L4uiiF8FQLQRAhBEF0NQcQtBNFkOEeQnRdBRCUC0AQ4RhCdEULEfQDQpChEkN0DQUR1Ct
            DECEcQXQVDxE0E0eQYRZAdD0NEBQrRhBhEEB0ZQsQdCNAkKEKQ3QtDRFUC0UQIRRBdHUHEbQTQZDhDkJ0HQURlAtEEOEIQnQFCxD
            0A0aQoQJDdE0FENQrRxAhDEF0VQ8QNBNDkGEGQHR9DREUK0IQYQBAdCULEXQjRJChGkN0bQ0QYg1B2C8LoaQ/hTCSL0aY5xKiBEu
            HsIIJQFgfCaHkR44xsgNDGLcQosQzgrGiJULYDxeiJG+DMNI3QZhHHqCEG4mwwjFFWD8VoWR3iDHyG0YYVxygREOAseIdR9hvE6C
            kX4ExEvTBONUII1xdgBHKEsL4jQchPFGBkJoox7jFDiCcdYkQqgbGeP0ZIHw5ipE6PMA4NQwh3C2CEAo6x/jtEyK8YYOQWgDAuCU
            KIRwlg4BiCwLIaA8hsCiDgYIzGNCJEYGEXA0R2A5DQFkVg8RcBhAY0oNITAAg4DiKwDIaBcjsAiDgQITGdBJAYKEXAEQ2D5DQJkF
            gsRcAhEYyoFIzAgg4FiCwbIaB8hsGiDgIIzGtAJEYOEXAUR2C5DQNkVgcRcDhAYwodITBAg4HiKwTIaAcjsEiDgAITG9DJAYCEXA
            kQ2B5DQBkFgMRcChEY2oVIzBgg/CSFEKYaw6hVCeDcYI+RtijE6H0U4rx8ghAGvAconxThRASOsWYjRmgXA+KkeIMwFjVFqG8C4o
            Qsj7CGL0DoRxHgZGCKMDa0h/iHHiGkZYUx2htHuH8RIERJgrFqBUR49xAg5E2GMbovQzjvByGEYasQSjfDOBEZIqw5hNEaNcL4aR
            YjzGWJUOoLxrjhEyDsAYfQuqsGyAEcY2xSiFF+EcGIKQFgTBaC0G4RgmheCiH4NoVgYjWGaM4aIrg2iGFiOYZoPgIgeBaPYWIdgm
            juAiE4Vo5gYgGGaJ4KIPh2iWFiBYJojhohuHaEYGIpgmj+EiN4FotgYi2GaC4SIDhWgmFiMYJo3goj+DaNYGIVhmhOGiC4NoBhYh
            mGaL4CIngWh2FiPYJobgIjOFaGYGIhhmgeCiL4doFhYiWCaA4aI7h2jGBiCYJofhIheBaDYGINhmiuEiI4VophYhNCKfEOIUQZgz
            MuN8X4WQ8iLEWP0aoVwzgBHCMMUYhRWjvAeaMTYWwWjlFOJeQAUxJg1A6P8L4ORshrHWF0WoNwjjhvMEMcojQHhvOGPsPYjQCmxF
            iBEOY8xKg9E+H8TIOQljLB6JUC4pwgghEGGMIo7QXhPPGNsTYbQSjnGuBEOIkxpj1G6L8T4eQMgrFWJ0eo9wDghtSIMUoTQngvMG
            DsHYVAshADyFQKIMBoj0GSMAJIdAwiwECJQXIQAsgUHiDAOItB0jADSDQYIsAwjUAyEAXI1AIgwEiHQBIwBEj0BCLAYIFB8hAAyJ
            QGIMBYg0FSMAFItAAiwBCFQbIQB8hUGiDAKI9AkjAGSHQcIsAAiUByEAbIFA4gwHiLQNIwB0g0CCLAcI1BMhAByNQSIMAIh0ESMA
            BI9BQiwCCBQPIQBMiUFiDAGINAUjAFSLQQIsBQhbCiEUIYXwagxGuPMbIPQth3FaKkf4ixQh1BmO8AoIQjijESK0NYBxuhZEePsG
            IZRxi/CqBEW4kx8gdF2NcBoyRPgrGCJUCYTxygBHOEMdIjQFhnH6Hkd4GxIgFEGB8Oo8RLgzEyH0TYNw2jpF+EscItQ5ivGKGEQ4
            4xkhtBWMcToGQni7HiCUUYfwKjRHuNMHIXQ9iXCaAkb46xAjVGmA8EoQRTiDFSE0JYJweg5BeGINoegghKB6NIeI0hmhKCCFoXo4
            hIiCDaFoYI6geg5AYh5BGg1Agh9AeghBIhRA2gdBghFBegJA4hJBmgFBghNAegRBIhhA2hNAggVBegZAYhZAGhVBggdBegBBIhxA
            2h9AghlAegpB4gpBmhlAghtBegxBIgBA2htBgg1Aeh5AYg5BGh1Agg9AehhBIgRA2hdBggFBehJA4gJBmhFBggNAehRBIghA2gNA
            ghVBehZAYgZAGgVBghdBehBBIg0gyg5gvgihku4hou6Ajgmhoh/hVhMg6hRhnhqgMgDgRhghWhFhrhugAgXh9hEgigJgfgyh0gbg
            Jh4hOgdgTg2h4gPhlhcgKhhg3h6g8hzgBhwgmh1g7h+gwhngthUgShZgPhCgEvYhIvaADhGgIhfg1hshagxhHgKgsgjhxhAg2glh
            LgOn3gdhkhCgpg/hShUvohYvqAzhWhYhvgFh8hqhBhXgagcgTghhQhGhVhbgegQgHgNg4AwgqOZhsh6OXgog6AsuaBqBQg4N8h0t
            2AaN/uAuNg0gKBgg4BQhqOJhMg6OHhIh6AMuKAqBwg4OMhUumBaOPuQt9gUhKAAg4BwgqN5gsh6N3hog6Bst6BqAQg4Ocg0uWAaO
            fuguth0gKAgg4AQhqOpgMg6OngIh6BMuqAqAwg4OsgUuGBaOvuwudhUhKBAg7g0gshZhhhih+hvgfgog4tdtBBTgzhchEhRgpgqg
            WgHgXgghQtHgWgCgbgrhEhcgJhxhShOh/gPhYhItPBOhagDlKg0hhg5h6gmtGBwggtWAGgyhrgbhUgMg5gBhCtbA/hIgYhFgFheg
            KhzgTg8hkhxhJgKh2hng3hAhwtlA2hih7gLgkg8gpgRhyhugfgvs7gVgVhuh6hjgDhshUhBhZgagGtjhQhAhdhdhmgSgLr8M5BjL
            +sfr8r9sigogvBWsBAzMGgIgHMEsFsqgIsMMpADMOsPsMsNsSgogPBWsxBTMWhIgnMUsVsahIscMZAjMer/scsdsCgohvBWshBzM
            mgIhHMkslsKgIssMJBDMusvssstsygohPBWsRATM2hIhnM0s1r6hIhChKhXhbhshghtgZgug+grgXh4hsghg9harGhDrrBlgRgGg
            WhjgvhAjyAFhyhahHhrrjh9hJgegOg7hHgogchRgtgKgih/gzhkhIh1ghh2gGhzg/hwhEgJhVgihqg3h7hMgAhNg5hOgehLh3hYg
            MhBgdg6rlgjgUh4gFgxgmh2hDgPggjSBlhSg6gnhLrEhdgprxBbhngIh8hxhNhqgCgfhThEgogVgBgWgmhThfhQhkhph1hGBMhcK
            6hghkAYg2A0gcBsh2AYgkKih8hcKGBwhkAogWAEgcA8hWBIgkAQgGAshcKrgAhkA4h2AUgcBMg2B4gkKTgchcKVBQhkAIhWAkgcB
            cgWBogkBwhGAMhcKcgghkBYg2B0gcAsh2BYgkKEg8hcKkAwhkBogWBEgcB8hWAIgkBQgGBshcKNhAhkB4h2BUgcAMg2A4gkKxhch
            cKzAQhkBIhWBkgcAcgWAogkAwhJhAheptBihkgrg9gsgSh1hvgWg4gnhhhohWg5hDh6hcgjgVgEgKgth3hegwpTgwhuhBpeAUhbh
            Ng8gCglhfhmgIh3gxh4gmhJgzhqhMhzglh0phAngOhAgfhpggh+gxgbxWBLgdhMhyhVgPh2gYhHgBhIg2hZhjgag8gDh1hkgqhNg
            Xh+hQpzBQgOhhhLgSg0p3AchihFh/gGhohXhRgYgGgphThKgsgTgFgUhahdhHhuhgh/hNBGoFh5Buong1IBBwoCg1AYh9BmoNhJB
            OovoogBAQoKhFB4gtAGoVhZBuoXhVIxAwoSgVAYhdBmodgpAOofoYghAQoahlA4gNBGolg5BuoHh1IhBwoih1AYg9BmotgJBOoPo
            IhBAQoqgFB4htAGo1gZBuo3gVIRAwoyhVAYgdBmo9hpAOo/o4hhAQo6glA4hQhahFh3h2hknIAsgehxhzgSgwgThthonNnOhcg/h
            RhkgWgJgLgag4hLhVgggKgVgnhGhUgXgJg8hOghgDhihAhjg9h4gygNgvhOgshvhBh0gmh5g7hqgogbhFgwh6glgXhWgEhHvZB+h
            RgThygQgzvVHth/heg8gfhxgEg2gphrh6gYgrg1gAhqh1gHgmg0g3gphchugBhjhChggDgdhYhSgtgPguhMhPghgUgGgZhbhKhIh
            7hlhUBYhOB8hsBcguA4gUAQh+AUgMA0geBwgUAoguBshsBMhOBIhUAggeAEgMGqBAhUB4gOAchsA8huAYgUBwg+B0gMBUheAQgUB
            IhuAMhsAsgOAohUAAheBkgMGaBghUAYhOA8hsAcguB4gUBQh+BUgMB0geAwgUBoguAshsAMhOAIhUBggeBEgMGKAAhUA4gOBchsB
            8huBYgUAwg+A0gMAUheBQgUAIhuBMhsBsgOBohUBAheAkgMG6AghXhUhAlIBagigngThwh0gdgJgOgWhzgfg8gYhhhlgyhalSAoh
            s07FVUXBkgwgJgdhKhyg3gDgghEhtg5h+hGhjgPhshIgRgVhClhhLh4s/gxhmhegLh3g0hghZgNh6gCl5hQgUh9gpguh2hTg/hch
            4hBgFhSh6gfg7gIhM0dF001AEhQgpg9gqhSgXhjhAhkgNhZhegmgDgvhMgol/gihKhPgrgYgchlhRhGh+hrhbE3kogmgjAogTB2g
            PEMkBkCkvkQgmhTEGhWh/AYgPE5kaknkYhmhDAohzA2hvEckxkSkfh4gHBmgzE2hWgfBYhvEpkqkXkIgmhjAohTB2hPEskhkikPk
            wgmgTEmhWg/AYhPEZk6kHk4hmgDAogzA2gvE8kRkyk/kghmhzEWhWhfBYgvEJgohehSh7hLhQgoghgpgSh+gXgPgEgcjOgGzEgTg
            oggh5hRg6jUAngcgEg1gdhuhCy9gAh4gxhZhigOhng/h0gMhthVjfhjhDgYgQhJghgKjkA3hMgUglhNg+hyyvhwgIhBgJgygeh3g
            vgkh8hdglhmhqyoBIgAhZgxhaj0BHg8gkj2hOgigLg7gggYhRh5gChuhHgfgUgshNj/A6hDgjg4gwgphByrAfgXhsh0hFhthiBsh
            4BMhSC8gYhyB0gYC/gAiBACAch4AcgyAYhgAohSBEhYA0hiC4hwgiBMh4AsgSCMh4gyAUgYCPiwiRg8h4A8hyA4hgBIgSAkhYAUg
            iCIhQhiAsh4AMhSCchYhyA0gYCfigihhch4BcgyBYhgBohSAEhYB0hiCYgwgiAMh4BsgSCsg4gyBUgYCviQixh8h4B8hyB4hgAIg
            SBkhYBUgiCogQhlhoh6xqg6gggbhxgMgGg9gDgGgMgPgNgAgCgJgPhyhogjhZh0hOhVh7gugUgHg1hYhKgxhngKgQhrpcA2hthTh
            WgcgfhdhQgSgZhfhigYhTgpgEg+hlgLhehkg3hFgIhaxNBagAg7gRhsgmhdhjgm3/htgggihphvhSpfB5hUgug1hbgOh0hngVg4g
            qgRhHhqhwhLp7hWhNgzg2g8g/g9gww1g/gCg4gzhJgkgegFhrh+hEhXv5B1BAhNA+ghBohxAWgNAAgFB+gZA4wxAFAAgdB+gRAoh
            hBWg9BAhVA+hpAYwpBVBAhtA+gBAohRBWgtAAglB+g5B4whAlAAg9B+gxBohBAWgdBAh1A+hJAYwZA1BAgNA+hhBogxAWhNAAhFB
            +hZA4wRBFAAhdB+hRAoghBWh9BAgVA+gpAYwJAVBAgtA+hBAogRBWhtAAhlB+h5B4wBBlAAh9B+hxBogBAWhdBAg1A+gJAYhshiv
            GhKnLhphw9ygDgOgIgXg1gUh6gZgHgCgMgLgR2RAth7nHB/gtgchyghhPhagkhzg5hg9FvzBYhHhlgEhqhJgXgShchbgBhog2h9g
            rhWgAgvh9gMhCgRg/hqgUhDgJhQ9VBjn/B3hVg0hah5hngigshrhxhYgGvahmhwgf2MgShBhvh6hEgTgZhA9jgzg+2AhFgkgKgpg
            3gyg8g7ghhIhWgdgLh2hghPhdhwBg8NA4AshiB4gQAI8JB4AUgyAQhwAQ8UcKACAIgQA48Cg4BEhSAghwAA81g4BMgiAYgQAohCc
            XA0hyCAGFwGFyGl4HlCFEQLEiBk4MkSIFwEFSAk4NliHEQJECLl4KkyKFwKEyKl4LkCJEQPFiFk4AlSMFwIESEk4BkiLEQNFCPl4
            OlyOFwOFyOl4PlCNEQDEiJk4EkSAFzslUpM5qVmv8XhEAgt9j0yid7jk8iNxhUOg8fmFors1o1aldjmkEjMpoU2t8HjFQqtth1io
            drhlsoNhjVeq8PsE4hslq0KndTgk0tMZmUGr83tFgktdv1SmdbvlcmNRtVuk8/qEIvsVk06hdDilkvMJsVWh8nnEwmtNl0CkdLlk
            MkNBnU+m8voFYtsFu1qrd3M1bJE7K1vPEfA0DBFzC03DFnE0rNFrG0fPEPA1zFEjO1HLFXE17BEbK1PPE/A0jJFTBaFxYkcZoLGi
            Sx2j8eIvAaUwogMNpnBiNxmhsSJ7FaLx4l8BpDAiMwWncGInCaaxoisNpfHiTwGjMKJjHaBxYhcJo7AiWxWg8eJ/AaYxIhMFpXFi
            BxmksaILHafx4m8BoTCiQw2icGJ6mqX5LkSUJlmmFo+gOd4QiyKZtmKIonmOHI4m2EY+gaC4/miZIxkWSpam+O50iCVZZiaDozme
            QJ8jmfYynKN5zkyaIdiGTo2nuT4YhSQZ1hqSp/iuJJwkWCZ2h6I5XnCTIJk2ApCgeQ58liDYxh6Zprh+SIElGZZqnqD5blSAI1jm
            BoulOB4glyGYdlKUoXhOLJIj2AYulaW5vnidJhlWfhsiQNJOFCfBog4BIEHyHg4hwYJeDyZBki4IJ8BiLh0gQDJ+CiXBwj4TIkBS
            DgwnwSJOCSBAcl4WIcACHhcmQBJuECfA4m4VIEGyPgIlwUJ+CyJB0k4EJ8CiDhEgQPIeHiHAgl4fJkCSLhgnwWIuDSBBMn4aJcDC
            PgMiQVIOHCfAIk4ZIEFyXgYhwQIeByZBEm4AJ8HibgUgQLI+EiXAQgGEImjGQ5SnyG41gyCp1heJpgmeKYom6aY7lqZIjh2dIyh2
            D4+miX5RkCNphhOApsiuRY8nqBZnjacI3nmOJ+jmC4qlSE4tkSIoNl+Lp4k+IZwkaEZjjKHJ7hWLJqhWN4GkCB5JgiToJluOpEgO
            fYUlKPYvl6CJ/nGYJWgGM4igyS4lhyWplgeVpQheGZYl6GYrkqNIzg2JJCm2f4OhiL4FBaIQwkETplBiPQGgkEIpC6bRojUVpxFC
            MRulUOJtGaORwhkDp9CiZRWkEcIhA6BQYl0RppBCCQXRNBRBUC0UQoQRDdDUPEDQzRZBhHkJ0HQ0RFAtGEGEAQnQlAxH0A0SQIRp
            BdC0NEdQrQxChHEN0FQcQtDNHkOEWQHQ9BRCUK0AQ4RhAdEUDEHQjQpAhEkF0DQURVAtBEKEUQ3R1DxE0M0GQYQ5CdF0NECINQth
            vF6Okb4Uw0g9HmCcOoQR7i7DCKUdYnxWj5FeKMfITQhj3DKDEA4ax4hVF2I8LoyQ/jzCSJ0SYxwKghCuJsIIBQlj/CaBkJ4gxsht
            HGFcAo0QzgLGiHUDYrw+gpE+BMVI/QZhnBqIEG4ewQjlBWF8NouR3jjByI0AYtwSjxGOCsWIFQ9hPA6IkH4MxEtlEONUcIlxtgBG
            KIsH4DQsiPCGBkFooxLjFAiCcJYGAYhMCyIgfIzAogYACOwFISBkjsFCJgSIjA8iIEyIwWImAwisGSxUFgAQMBxGYJkRAuQmARAw
            MENg6QkAJDYOETA0QGC5EQFkBgcRMAhBYIleorAggYFiEwbIiA8jMGiBgQI7BUhICSOwEImAIiMHyIgDIjAYiYHCKwJK1QWCBAwP
            EZgGREA5CYJEDAQQ2BpCQIkNgYRMBRAYDkRA2QGDxEwKEFgCWaisGCB8BIcQpiLHqLUJ4FwAgZC2EMbo3QziPHyIEQYmxCiFE+Ic
            SI6RVhTGaG0C4PwUjRDmOsSo1QXg3BCLkXYoweqcFeFkcIY1BAlB+KceICRlizDaM0W4XxkixAmMsWodRHjXCCFkDYgwOidBOM8H
            IQQhpiGKF8I4URUjrEmA0VoVw/hpAiLMFY1RKjvHuOEfI+xxj9H6Icd4GRQijB2CUMofwzgxGSIseYLQGh3BMA0PwURPDtFsHEGw
            DQXBRCcO0UwcRDCNE8JEfwrRLDxEsI0RwkRXCtCMPEMwDQfBRG8G0ewcR7ANHcFERwbRzBxGMI0bwEQfCtCsPEKwjRnARHcK0Aw8
            RTANH8FEDw7QbBxFsA0VwURnDtBMHEAwjQPCRD8K0Cw8QLCNAcJEFwrRjDxHMA0XwUQvBtDsHEOwDQ3BRAcG0MwcQjCNC8BEXwrR
            rDxGsI0JwEQ3CtEMPEFoBTRCREiFMOYNR+g/D+LkfIqxFidEqZIcIYRRjjDKK0R4jxEipF2NsJo5QDgXBiLEWYkxqhdA+F8bImRl
            grB6LUS4xwAjBMMAUJo7wXgpESFsHY7QiliCiFESYMw6i9H+L8PIuR1jLC6FUW45xQghDGCMUo7RnjPCSGkPYmwGilGONceI8R5j
            TAqJ0b4HxMjZAWOsfo9RriHGCAE4wRQGgvHeOkZIGw9g0AyGAXI9BIhQCiBQBIIAkjUHCJAQI9BchgGyLQOI0BYhUHSKAVIlBAiQ
            FCLQbIYB8h0GiFASIlBkggASFQUIkBgh0HyGATINAYjQDiNQFIoB0gUGCJAMINBMhgByPQCIUBogUESCAZI1AwiQACPQHIYAsi0H
            iNAGIVA0igBSJQAIkAQi0CyGAPIdAohQAiJQJIIBEhUBCJAIIdA8hgAyDQWI0B4jUFSKANIFAgiQHCDsCIZRhj/FqFEK4EwMhdC2
            NcVoiRfjrFCFUeYTwijBCOEMZITRVinE6PkR4mxYhFBGB8CocR7hzHyH0fYdxmhpE+EsAINRJjvDKOEU4ox0htEWMcPo2RXh7GiK
            UAYvx6gREuNMbInQNiXHaEkP4KxwgVFmA8QoARDgDESA0NYZwug5GeNseIhRxjfGqDEW4Mwci9B2DcRoKRviLGCPUaYrwSghDOGM
            FILRliHF6BkN4Qg2gaGCOoXocgYjyAaGoII+heiCEiKINouhghKB6NIOI0hmhKGCFoXoohIiCDaNoIIKgegyBiLIRoqhgg6B6MIS
            I4g2j6CCIoXoEh4iSGaAUCCE0B6DEEiGEDaE0GCDUF6HkBiDkAaHUCCD0F6AEEiBEDaB0GCGUB6CkDiCkGaGUGCG0F6BEEiAEDaC
            0CCFUB6FkBiBkEaBUGCF0B6CEEiDEDaD0CCAUF6EkHiAkGaEUCCA0B6HEEiCSDKAmG+HKESDuBmHiB6D2GOHaEiE+HWFyDqGGGeD
            qGyBODGHCBaBWGuD6GCCeF2FSEKHmD+GKDSAuAmGiC6E2DOGaDiH+CWEyCqBGBeCqHyCOAGGCEaGWBuC6HCBecWBKCmE+BKCSFuH
            mFiD6B2EOBaCiC+BWHyBqEGAeFqAyHOBGFCDaDWAuF6ACEeH2HSGKBmF+AKFSCuCmEiA6C2FOAaFiF+AWGyEqHGHeEqFyAOCGECC
            aAWHuE6FCDeA2Cg4KGSFAEyCoGiAgAiCoGyFAESFoHCCgCCHoBSBAHyAoBiAgDiAoByBAHSDoGCCg3KESFACyGoAiAgCiGoEyFAC
            SBoBCCgECDoHSBAFyEoDiAgFiEoHyBAFSHoACCgHCBoCSFAAyCoCiAgEiCoCyFAASFoDCCgGCHoFSBADyAoFiAgHiAoFyBADSDoC
            CCg5KASFAGyGoEiAgGiGoAyFAGSBoFCCgACDoDSBAByEoHiAgBiEoDyBABSHoECCuDSByHmFGEKC61iAiCiGWFWD6FqHOCOByHSD
            GBmAqAaAeAeACACA2B2BaDKHuDuGSCyEmEGFKF6B+B+BiBiywG6CqAODOGyESCGAmDqHaFeBey6F2A2CaEKGuAuFSHyBmDGGKA6E
            +C+GiEiAWDWB6HqFOAODyBSFGHmGqCaCeCeCCGCG2H2HaBKFuBuESAyCmCGDKD6D+D+DiDiDWCWA6EqCOBOEyGSAGGmFqBaDeDe0
            2H2G2EaCKAuxewSFMEaFcGixuBsHiFsu4GiD8BawyAMAaAcAiBcBaAsDiAsvYAiwevSDMEaDcGiuuDsHiDsx4GiB8BavyGMAaCcE
            iDcBaGsDiGsuYEiveySBMEaBcGivuFsHiBsw4GiH8BauyEMAaEcAiFcBaEsDiEsxYAiuexSHMEaHcGiwuHsHiHsv4GiF8BaxyCMA
            aGcEiHcBaCsDiCswYEiDKCqAeHuFyECF2HmB6D6BuHeEiEyHGF2CqHKB+AOASBiBWHGDaBaBOC+HCDSAmAWAKBqBeGur8E2EmC6G
            6AuL2FyEGC2HqAKG+FOFSGiAWGGEaCaAOB+ECGSBmDWFKAqCeNGCCD2BmH6F6DuFeGiGyFGD2EqBKH+GOCTNSFGBaHaHOE+BCFSC
            mCWCKDqDeAuEyBCC2CmsyCuN2DyCGE2BqGKE+HOHSEiCWAGCaEaGOH+GCESDmBWDYCyAwHSFYECFQHiAYDSGwGynQHQCCBYHyAwA
            SHYDCBQGiCYGSCwBymwHQDCHYAyAwBSBYCCFQFiEYFSGwAyoOHQECFYByAwGSDYFCBQAiGYESCwHypqHQBCDYGyAwDSFYACFQDiA
            YHSGwCypMHQGCBYDyAwESHYHCBQCiCYCSCwFyosHQHCHYEyAwFSBYGCFQBiEYBSGwEyqKHQACFYFyAwCSDYBCBQEiGYASCwDynuH
            QFCDmCCA6kaEKFSGuA2AyGKFWD+FaGiCeBGAiAaBmi8GyCOCWGSDqG2CeF6GCC+GmDCH6AGjcGSDuH2DyHKCWA+AaBiFeEGHiDaA
            mGOEqHyBOBWHSEqB2HeC6FCH+BmECG6BGEuCKHSEuC2CyEKHWF+DaAiEeHGGiCaDmk8EyAOEWASFqA2EeD6ECA+EmBCF6GGBuFKA
            SFuB2ByFKAWC+CaDiDeCGBiFaGmAOGqFyDODWFSGqH2BeE6DCB+D0Cae6CkE6fCemGEFCeuGUDiA0AafaBkC6fiFUhIHCfOFUFiF
            0Caf6AkA6iCfmEEFCfuAUHiC0EagaHkC6iiDUgIDCgODUFiH0Cag6GkE6hCgmCEFCguCUDiE0AahaFkC6hiBUfIHChOBUFiB0Cah
            6EkA6gChmAEFChuEUHiG0EaiaDkC6giHUiIDCiOHUFiECFqa8CaESHeBmDyB6GGFOEKHCCOC2HiAKA2H+C6FyG+DGHSFaFmEuEqH
            iDuHWDCGqCWGeBaBSAeAmCyG6asDKGCBOB2GiDKH2C+B6AyD+EGGSAaGmdOAiGuEWCCHqFWc+GSFeDmFzZwduBCEOA27OC2F+A6H
            yA+FGBSDaDmCuCqFiBuFWBCEqAWEeHaHSGeGmEyA6FGGOBKECDOD2EiBKB2E+H6GyF+CGASCaEmHuBqCiEuGWEQFiH4ByDwFyH4B
            iAQBCG4DSFwHSC4BCAQAiB4GyDwGyF4EiEQECE4ESFwESE4ECEQHiD4HyDwHyD4HiAQHCC4FSFwFSG4DCAQCiF4EyDwAyB4CiEQC
            CA4GSFwCSA4GCEQBiH4FyDwByH4FiAQFCG4HSFwDSC4FCAQEiB4CyDwCyF4AiEQACE4ASFwASE4ACEQDiD4DyDwDyD4DiAQDCC4B
            SFwBSG4HCAQGiF4AyDwEyB4GiEQGCA4CSFwGSA4CCEeFSHCBmD2FqHKCeAOHCGSD2FmG6CaBOA+DyGiGGDWHKEqSqEiHyDWFGFaF
            6FuFeESECEmE2GqCKWKACBSC2GmD6HaCOB+AyDiHGEWCKHqC+FuHiCzS0EaC6AuGeDSBCHmF2DqBKEeGOBCESB2HmE6AaDOC+ByE
            iAGFWBKCqD+CuCiByFWHGHaH6HuHeGSGCGmG2AqEKHeHOGCHSE2AmF6FaAOD+CyBiViAKFqE+DuBiztUuE6GuEsFaRCCcEaPaAMH
            aF8DiE8GaRqBsQgPkEaEMP8OwDiH8RICiGsFaSCEcEaQaGMDaH8DiG8CaOqDsRgBiHcEaGMQ8PwDiB8SICiAsFaPCGcEaRaEMHaB
            8DiA8GaPqFsSgRkEaAMR8QwDiD8PICiCsFaQCAcEaSaCMDaD8DiC8CaQqHsPgQkEaCMO8RwDiF8QICiE6FLL8CCEiFGCmAKH6CeE
            +HSFyC2AWBaCqGODPfmEmHGCqGaF+CeGyCSGWD2H6CLLAHCDiEGDmHKC6BeB+ASGyD2HWLgHOAOGjYuMODaE+FfMgHWN+HKEuCuA
            CGiHGAmCKF6AeG+FSDyE2GWHaEqAOFODiCCCmBGEqAaH+AeEyASEWB2F6ALM8FCBiGGFmBKE6HeH+GSAyF2NeDqBOGOEjneOOBaG
            +HeByDSL8FIEyGgJwEiFADiAIHSCgESHICCBAACDIByGgIQFiFAGiCIGSCgBSBIBCBABCBICyGgCyGICiFAFiEIFSCgGSDIACBAC
            CHIDyGgByAIHiFAEiGIASCgHSFIDCBAHCFIAyGgEyCIAiFAHiAIDSCgASHIGCBAECDIFyGgKQBiFACiCICSCgFSBIFCBAFCBIGyG
            gIwGiFABiEIBSCgCSDIECBAGCHIHyGgJQDiFAAiGIESCgDSFIHCBADCFWEiGqAGCeHqFCDuAGkWF2HOCaByA+D2GCFKEmH+DKFiG
            OCmHSD6HWAuA6ASAeAWBiBrDwGqCCGuDGHyEaG2COBbhOG2FDDOC+keDOFmGSA6CWHuF6DSBeHWCiAqGGEeBqDCFuGGAyFaD2BOE
            aHyG+F2ACDKCmB+FKHiEOk0B6FWCuC6CSCeCWDiDqDGDeEqACEuBGFyGaA2EOHbjEA2DCCKBmE+mcFODmASG6EWBuD6FSHe/cGUA
            CB0H6FECiAEBaD0ECFUD6AkBjA8FUECE0D6GECiBEBaA0ACAUH6DkHjAcAUACD0H6DEGiCEFaF0ECHUD6GkBjB8DUECG0D6AEGiD
            EFaG0ACCUH6FkDjBcCUACF0H6BECiEEBaH0ECBUD6EkBi+8BUECA0D6CECiFEBaE0ACEUH6HkHi+cEUACH0H6HEGiGEFaB0ECDUD
            6CkBi/8HUECC0D6EEGiHEFaC0ACGUH6BkDiFyEKGGD+BqHSFOCmACB6DW+ECiAeBWCSHqEmEeFKCyHuDHZQ9iBaBCC+G2CyHKDG7
            UASAOBmBCC6GWDOE6FiFeGWDSAqBmDeEKFyCuAGBiDaE2GuAaCCH+F2DyGKEGB+DqFSHOAmCCD6BWGOH6AiCeDXbaGmGeHKAyFuB
            GCiCaD2DuDaIAYQ+mwypRGXyqSSOczCHUWJ268XeixSVTmL2K+QuQziLW2lyaAV++2AgSICWgmTIMQAUVI+SgKQIYWAoUI6SgORI
            EQAcXIWWgSWIQWAQWISWgWXIcQAERIOSg6UIoWAYQIKSg+VIUQAMTImWgCSIgWAASIiWgGTIsQA0VIeSgqQI4WAIUIaSguRIkQA8
            XI2WgyWIwWAwWIyWg2XI8QAkRIuSgaUIIWA4QIqSgeVI0QAsTIGWgiSIAWOiSSE2mpTaPweUVCiy2PQKZ2uuUy4yG1R6Dw+YXie2
            WTWqV3OaXSc3mRWaXxeMQC6z23VKh3uWRyAzGtU6bx+ASim3WLTqt0OyQSU0m5RafyeEXCyw2fSKJ0u+WyowGlT6Ty+IViHZFgaS
            oLlOFJUhmWYCkaD43jiIJVh2TpymOW4MjyIYRnqboXj+IIIm2VY2hqe5nEaKwImsVo/BiDwmlMSIjBaBw4ncRpbGiOx2g8GIfCaY
            wonMNp3DiRxGksSJLFaXxYi8ZozAiAwWmcOJXEaOxohsNpvFiPxmgMKJTHaFw4icRprAiKxWn8GJPCaExImMFpHDiNxGhsaJ7HaT
            wYl8JojCiMw2jcOIHEaCxIgsVofFibxmnMCJDBaJw4hcRp7GiWw2i8WJ/GaQwohMdpXDiapKi+C50lCNZpgaPpTleIIMhmLZykKV
            5jiy35xi6Zpbl+WJEkGRZalqX5bkSQJFnmNpuiOJ5wjyCYdiKcpHlOfIIg2YZejaa4PiiVJxhWCoqk+a4UjCVYJmaXozjeQJsnmT
            YSiKN4DkyGIdlGDpGnuf54mSYZlnqep/nuZJgmWWYWk6A5HhCXJpn2QoSieM4cmibYBj6VoLm+SI0hGdZuEyNAUn4UJMGiHgknQX
            IuHiDAgk4PJ0CSHgAgweI+HSNBMk4SJMFCLhsjQdI+HCTBIl4RJ0DybgYgwAIOBydBEl4YIMBifhUjQbIOCiTBwm4DI0FSfgQkwK
            IeGSdAci4OIMGCTh8nQZIeECDA4j4NI0AyTgIkwEIuCyNA0j4MJMAiXgEnQfJuFiDBAg4XJ0ASXgggwWJ+BSNAsg4aJMDCcZQjaE
            ZzlKTJ7gWLJ6lWJ4GjCZ5ZkifopguGoUmOLZ0kKfY/n6OJ/iGYImmGI5ilyK51jySpFledogheCY4m6WY7kqZIzh2ZJSk2b4OiiT
            5RnCFoxlOcpsluJYMlqdYHmaUIHjmKIekma56nSA5NhSYpdg/F6DEX4AxAgNEGAcQo+RLgrFyFUJYbwWiBHeNMWIHQ5g3GqIkE4e
            xEjlG2J8LoERvjqFaGIEI4guiqHiBoJo8gwgyA6HoaIihWjCDCAIDoyhYi6EaJIUIUhuhaGiCoFoIgQgiC6OoOI2gmiyHCHIToug
            ojKBaAIcIQhOiKFiHoBo0hQiSG6BoKIahWjiBCGILoKh4iaCaHIMIsgOj6GiAoVoQgwiCA6EoWIOhGgSFCNIbo2hoiqBaKIEIogu
            hqDiFoJoMhwjyE6DoKISgWiCHCMIToChYj6AaFIUIEhuiaCiPEWoewXgdDSL8aYCX7BnGqAEK4+xAilGWB8BoeRnhjEyI0UYtxig
            xBOCsCIFQNgPH6AkD4MwUjdDmMcWooR7ibFCMUNYPx2hZFeIMXIbQBjXFKJEY4CwYh1F2O8boqQ/gTGSP0aYJxKhBAuLsYI5RFjf
            GaLkB4owshNDGHcQocQzhrCiFULYTxejJG+PMdIHRZgHDqGEW42xwiFBWH8VoGR3hDDyK0YYFwyhRAOMsfAsQ2DZBQHkVg0Q8DBE
            YGlywTBwh4GiCwHIKAsjsDiPgMIzGWhpAYAEfAcR2AZBQDkFgEQ8ABAYClmwzBQh4EiKwPIKAMhsFiPgUITHGipEYMEfAMQ2BZBQ
            PkVgUQ8BBEYOlqwTAwh4CiCwXIKBsjsHiPgcIzG2jpAYIEfA8R2CZBQLkFgkQ8CBAYKluwzAQh4AiKwfIKBMhsBiPgEITGmgpEYE
            Ef4SRIjTBWHUSozw7jBFyFscYHQeinDePkMIA1pilE+OcKIyQ1jzAaA1jwKQYgzCWNUOo7wrghAyHsAYPQujHCeJkQIo1aAFD+Mc
            eIqQlgTHaK0O4vwEjREmGsGo1RHi3ACHkTYIxuj9HOC8XIIQhh7AKGUL4JxIgJFWDMJoTQrifDSHEOYiwKi1BeJccI2QdhDD6B0Q
            4DxshBDGvMYovwDixHSAsKYrR2g3AME0Tw0QfBtEsDECwzRHBRHcG0YwsRTDND8BELwrRbCxFsE0FwEQHAtBMDEIwzQvDRD8O0Kw
            sRrBNGcFEFw7QDAxHME0XwkRPCtHsDEOwzR3CRCcC0cwsRDBNA8NEXwbQLAxEsM0BwUQ3BtCMLEEwzR/ARG8K0GwsQbBNFcBERwL
            RTAxGMM0bw0R/DtGsLEKwTQnBRFcO0QwMQzBNB8JEDwrQ7AxHsM0NwkRnAtDMLEBoRTqAxCiPMGYFR+ifF+hYZYixejVAuOcII4R
            BijCKC0F4DwUgpC2NsNo5QziXEiLESYkx6idF+N8PI2QVhrA6DUO4xxQ3LGGCUBozx3mmB2PsZohQjg3HiJEWYcwqi9G+P8bIuQF
            hLD6BUK4pwAihGGOMQo7R3jPHSOkDYmwWilBOFcKIcQphTBqN0f4nwciZDWKsbo9RbgHDCMEcYgwyhNEeC8JIiR9g7AoFkQA+QKB
            RHgFEGgyRADJBoGEeAgRqA5AANkKg8Q4DxDoOkAA6Q6DBDgOESgmRAC5EoJEeAkRaCJEAIkWgoR4BBCoPkAAGRqCxDgLEegKQAAp
            HoIEOAIQKDZEAHkCg0R4DRBoEkQASQaDhHgAEaguQABZCoHEOAcQ6BpAAGkOgQQ4BhEoBkQAORKARHgBEWgCRAAJFoCEeAwQqB5A
            AJkagMQ4AxHoKkAAqR6ABDgKEDYURCjDA+LUeIVwZjZD6NsG4LR0h/GWCEGoMxXiFDCMcMYCQ2jrCON0TIjxdixFKGMf4VRoi3Cm
            PkLouxLiNESJ8NYwRqgTAeOUIIZxBjpCaAsE4/RchvC2BEYogwvh1BiJceYGQeibDuG0VIvwFjhHqPMd4xQQiHBGMkVoKxDgdGyM
            8fY8RyijB+JUCIdwJi5A6Psa4JoJIL4VYAISoKYJ4UoAIU4IYFIRoZYM4XofIF4EQNoXQYIBQXoSQOICQZoRQYIDQHoUQSIYQNoD
            QIIVQXoWQGIGQBoFQYIXQXoQQSIcQNofQIIZQHoKQeIKQZoZQIIbQXoMQSIQQNobQYINQHoeQGIOQRodQIIPQHoYQSIUQNoHQYIR
            QXoCQOISQZoBQYITQHoEQSIIQNoTQIIFQXoGQGIWQBoVQYIHQXoAQSIMQNoPQIIJQHoaQeIaQZoJQIILQXocQSIAQNoLQYIdQHoO
            QGIeQRoNQIIfQHoIQSIFIMoWYb4AoZIS4OYCIXoTYY4BoaIX4VYbIOocYJ4SoTIY4EYAIFoZYK4TqCQPYZIIoaYH4EodL/QGL/oE
            4FoeIL4JYfISoQYd4WoPIE4AYEIJoVYe4XoMIB4bYdIUoOYD4YoRIa4GYKIPoLYA4ZoSIf4dYTIGoEYR4KoLIQ4MYIINoBYS4LoI
            IV4HYRIAoSYf4coFL3QOL3oc4doGIT4BYXIaoYYV4OoXIc4YYMIBodYW4PoUIZ4DYGDuQZLkoWjjAKIWgbIAAZISgUIGDsQNLqoe
            gOIeAOIegPIQANIagIIGDqQBLooGjvACIGgDIAABICgMIGDwQVLmoOgGIeAGIOgXIQAVIKgAIGDmQJLsoWjrAaIWgLIAAJISgEIG
            DkQdLioegeIeAeIegfIQAdIagYIGAUICgRLwoGjnASIGgTIAARICgcIGDoQFLuoOgWIeAWIOgHIQAFIKgQIG4NITIWYAYYoXoL4f
            4KIWIZYBYfoSoU4E4HIZIUYSYKodoB4d7VITYTYVoYoG4C4BJaIEYEoboP4b7TQdYFYDoeoA4A4DIFIIYWYeoRoN4Z4cIAIPYXYR
            oUoK4O4FJeIYYAoPrUACIeIRYZYHoKoM4M4PIRIMYKYSoFoJ4V7c4LYLYNoAoO4K4JJiIcYcoToH4T4OISIFYdYboWoI4I4bIdIQ
            YOYWoZoF5h4YIXYPYZocoC7DbKoAzEDETDjDzFAaIDwFrMoUzGACIZzFjFzHACLHbGoYzIDQTHjHzRAaILwFrIoMzKASIRzJjJzD
            ASLLbSoQzMDMTLjLzNAaITwFrEoEzOACIJzNjNzPACLPbOoIzQDITPjPzJAaIbwFrQoczSASIBzRjRzLASIIoCod5CoYITYGYDoP
            oS45obIQYfYOocoL4Q4VIGIBYEYJoVoQ4b4II44BYEoGoZ4K61gXYSYPoToW4R4SIXIMYbYaoIoH4c4BICIFYYYVoRoU4f4EI84V
            YQoaoF4O4LIQIbYeYboXoK5BoTIIYHYWoUoD4Y4dIeIZYcYBodoY4D4QIFIWYJYMoOoB4S4HIUIfYaa4wO4J4aIfIEYTYCoQof4U
            4JIKIdYAYNoJoc4X4MIZK7YJgDIfAVIBgYIRAGIFgNIfALIFgWIRAYIBgfIPARKmABAaINgRIPAfINgCIBAEIZgLIfANIRgQIRAe
            IVgVIfATIVgeIRAQIRgXIPAZKxQBACIdgJIPAXIdgaIBAMIJgTIfAFIBgIIRAWIFgdIfAbIFgGIRAIIBgPIPABKtgBAKINgBIPAP
            INgSIBAUIZgbIfAdIRgAIRAOIVgFIfADIVgOIRAAIRgHIPAJKpwBASIdgZIPAHIdgKIBAcIKYAIfoUYG8aga4HYLIcoNYD4VoWIZ
            4AYaINoeYI4eoPIY4NYRIKobYF4HoEIL4eYMIToQYS4coNKiIPIYoZYP4ZoaIN4UYeIRoSYU4aoLIM4BYdIGoPYR4ToYIH4CYIIX
            ocYe4AoJIS4PYDIEoVYb4doeIR4YYCIVqhoWoXIA4VYZICoTYd4focID4WYEILoIYK4UoFIe4DYXIAoRYH4RoCIV4MYWIZoaYM4C
            oTIE4JYVIeoXYJ4boQIP4LQBqFwGQbqGQFSMoMKFAVQGIHQZqHwKQDqISGgIQEKHAZQOITQRqJwOQbqSQdSIocKJAdQGIPQZqLwS
            QTqUSSgAQEKLARQeIbQBqNwWQbqOQVSEoMKNAFQGIXQZqPwaQDqQSOgYQEKPAJQOIDQRqRweQbqKQNSQocKRANQGIfQZqTwCQTqM
            SKgQQEKTABQeIMIGoZaCAZIR77YXoUYM4coMIc76YIoXYX4HoHIH4UYRIVoaYC4eoOIa4VYQISoNYZ4JoFId4CYHIDoAYA4AoAIA
            4fYGIMobYb4LoLIT4QYVIJoGYe4CoKIO4RYUIeoBYF4NoRIJ7zYfocYE4EoUIU7yYQoPYP4PoPIP4MYJINoSYK4GoWIC4db4gVYB
            4RoNIV4aYfIboIYI4IoYIY4HYOIEoTYD4ToDIb4YYNIRoeYW4KoCJ9YNAGIbgPIDAHITgeINAUIXgFIbANIfgMIdAKITgLIDADIb
            gSIdAIIfgBIbAJIXgQINAeILgHIDAPIDgGINAcIHgNIbAFIPgEIdACIDgDIDALILgaIdAQIPgJIbABIHgIINAWIbgfIDAXITgOIN
            AEIXgVIbAdIfgcIdAaITgbIDATIbgCIdAYIfgRIbAZIXgAINAOILgXIDAfIDgWINAMIHgdIbAVIPgUIdASIDgTIDAbILgKIdAAIP
            gZIbARIHgYIN4FIYIOYDYGoQoZ4M4cIVIHYaYTodoM4f4PIeIIYBYMoeoP4e4KIDNOoVoToe4J4ZIEICYfYCoEod4I4IIZILYWYf
            oJoI4b4bIKJkQAoCoL4a4eIXIRYUYZofoC4F4NIQIWYbYeoYpawEINIPYSYLoFoU4X4HIGIQYZYEoWoH4G4SILINYQYNoLoW4B4R
            IcIaYXYKoMoF4Q4AIRIDYOYHoRoA4T4DISIcYVYIoaoT4C4WIfIJYMYBtQ4OxKRGgJoQwaIMwdoLxHhMxFBIRQgJocxOAFoHwGIL
            xKxLBGRSgZoIwaIUwNoTxLhIxJBURMgZoExKAFofwWITxGxPBSROgJoAwaIcwdobxPhExNBQRIgJoMxGAFoXwGIbxSxTBORKgZoY
            waIEwNoDxThQxRBMQOIZwZoUxSAFoPwWIDxOwaIPoEoG7AAKIQYaYMofoN4D86wXYBYZsxIE4CIIIWYUYGoBoD4Z845CADoAoC4G
            4IIeIUYWYQoToR4f4VITITZEIWoQ4Q4OIUIaYYYKo1Yd4bIVIRYTYXocoe4a4UISIIYCYEoXoV4b4BIfIfYZYBoaoc4c4aIQIeYc
            YeoZob4R4HIJINYPYLoIoa4e4AIWIMYOYIoboZ4H4NILIbYdYVoOoY4Y4GIMICYQYCoVof4F4TIdIJYLYQgbIGATIcgKIQAGIEgd
            IOAsQQIIAswXIWAnQWIQAaIMgBIOAqQqgqwDIGAbIMgSIQAOIUgVIOAwQIIIAwwPIWArQOIQASIcgJIOAmQugmwLIGADIcgaIQAW
            IEgNIOA0QAIIAkwHIWAvQGIQAKIMgRIOAyQygywTIGALIMgCIQAeIUgFIOAoQYIIAowfIWAzQeIQACIcgZIOAuQmgEIRYaIGsYQO
            svQEYTIJofYI4RoLID4LYQIIoCYL4cqcAOYdILoVYW4LodIB4FYGIKocYR4SocIK4IYfIFoLYc4FoPIH4fYEIMoGYf4YoOIU4SYR
            IXoJYK4HoBId4ZYSIOoIYF4GoYIe4cYbIBoXYQ4JoDIL4TYIIAoKYT4EoKIQ6ZQTodYe4ToFIJ4NYOISoEYZ4aoEIS4AYXIdoTYE
            4NoHIf4HYMIEoeYH4QoGIc4KYJIfsdQfoJIV8LYFQQIbQPoQQKIEQVoLQAIJQfoOQeMJYJQAIPQfoMQaIAQFoXQQIdQPoCQGMHYN
            QQITQPoYQaIMQFoDQAIBQfoGQOMFYBQAIHQfoEQKIIQVofQQIVQPoKQGMDYVQQILQPoAQKIUQVobQAIZQfoeQeMRYZQAIfQfocQa
            IQQFoHQQINQPoSQGMPYdQQIDQPoIQaIcQFoTQAIRQfoWQOMNYRQAIXQfoUQKIYQVoPQQIFQPoaQGITIYoEYX4aoNIQ4KYEPfgA4L
            oSIN4dYNIeoOYB4IoTIK4EYGIJr7wZoEIH4bYPIcoQYT4eoJIE4eYAIDodYE4PoGIZ4JYJIaoaYF4MoHIe4AYCINoHYa4doQIT4P
            YLIAocYf4SoVII4CYgBhPqLI4dKKvVYpGqzJ4FLKXMZxRpbG6NcL/TY5UpDL61BLnGZBLorc49OIPRYJSoTd4lPI3YZRFr7C6tYJ
            fXagYJkRIwLKEOLgSLEHKwVIkEKgUIkFKwXLECLgOKELIwBJkYKgQLkJIwDIEGLgKJEfKwNKkcKgMKkdKwPJEaLgGIEDIwZLkQKg
            IJkBIwbKEeLgCLEXKwFIkUKgEIkVKwHLESLgeKEbIwRJkIKgALkZIwTIEWLgaJEPKwdKkMKgcKkNKwfJEKLgWIETIwJLkAKnZJpS
            YzEqNP7vSLBBa7XolE63XI5EajSrdB7/MKRXYrBp1a6HNLJGYTAotL7PWJhVabTqFQ6XTKZQaDWp9V7fYIxDYLFrVe7nRKpKZzMo
            ml+V5ogCZZ9n6cpznufJ8nGcZqg6Z5fhCKI9jWJpaguY5UgSOYpmKdoPkeOJQnWbYuiKY5riyLJhmGOpeneT4AniLYlnaCpblcZo
            7EiGwWk8OJ/EaYwIlMVoXBiRwmgsKJLDafw4m8RpTGiAx2icWJ3CaGwIjsFpvDiXxGkMSJzFaNxYmcZorCiax2l8OJPEacxoiMNo
            HBiFxmnsSJbBaDw4j8RojAiExWlcGIHCaSwogsNo/DiLxGhMaJDHaZxYjcJpbAiewWi8OIfEaAxIjMVp3FiJxmmsKIrHaHw4g8Ro
            zGiYw2kcGJamqP5LiSEJFimdo+mON5wiyCYtkKIoHiOfI4g2EZekaK5/giZJRkWaoag+e4UiCdZZkaTpTieIJ8hmPYSnKF4ziyaJ
            9mGLo2luT54lSIY1jqCofmuRJwmWCYWl6Q5XhCDIpk2IoCieQ4chibZxn6ZpLh+KJEjGJZKnqb5bjSQIVnmZoujOB5AhyOYdnKEo
            3hOTIIl2AZOhae4vhidIBlWXhsgQdIuBCXAom4RJkDyfg4nwIJ+DyBAkk4IIcBiTh0iQDIeCifAwh4DIEBSbgwlwSIuCSZAcj4GJ
            8ACPgcgQBIOACHB4g4FIkCyXhInwUJeCyBA0i4UJcGibgEmQfJ+HifBgn4fIEGSThghwWJODSJBMh4aJ8HCHhMgQVJuHCXAIi4ZJ
            kFyPhYnwQI+FyBBEg4QIcDiDhUiQbJeAifAQmGUIGnGI4SlyG4Vkyao1neJoAieSYog6KZbhqBJjj2dISh2b4+kiX4xgCFohnOQp
            MmuZY8hqBYHjaEJ3hmOIenma4qjSE4NgSAoNj+LpYk+QZwmaEYDjKHkO4awsgVBWK8RoQQHhTEiF0CYdw6hJAOLsVI5R9ifB6FEP
            4IxgjtAGKcIpDwFi5DqEsZ4LQwgvHmDEPoMxLgVFSOcLYSRihbB+J0OI3xlCtAEOEIQHRFAxB0I0aQIRJBdA0FEVQLQRChFEN0NQ
            8RNDNBkGEeQnRdDRAUC0YQYRBCdCUDEfQDQJAhGkF0LQ0R1CtDEKEcQ3RVBxC0M0eQ4QZAdD0FEJQrRBDhGEB0BQMRdCNCkCECQX
            RNBRBUC0UQoQRDdHUPEDQzRZBhDkJ0HQ0RFAtCEGEAQnRlAxD0A0SQIQpBdG0NENQrRxChDEN0FQcRtDNDkOEWQHR9BRGiLUDY7w
            +jpE+NMFIvQZgnFqEEG4uxQglBWJ8No+Q3ijFyE0AYdxSixCOOsGIVR9iPE6MkH4cwEvMCONUUIlxNiBEKIsP4jRMiPEGJkNooxr
            jFGiCcBYEQ6hbFeL0VI3wJjpH6PMc49QAj3H2OEco6xvitByC8MYeQGhDFuOUeIhwVhxEqDsZ43QEh/BmMkboExDgVHCFcLYwRih
            LB+M0LITxhhZFaOMS4BRIhnGWNgWIDBshIHyIwaIWBAgsBSIgZILBQhYAiEwfLVAmCxGwGEdgSREDpDYAEbAcRGCZCQDkBgEQsDB
            FYGkRAiRWBhCwNEZguW6DMHiNgUIbBEiIFSOwYI2AYgMCyEgPIjAohYACCwVIiAkgsBCFgSITA8uUCYDEbA4R2DJEQGkNggRsDxE
            YBkJAuQGCRCwEEVg6REAJFYOELAURmA5doMwOI2AQhsASIgFI7AgjfESDEaYSx6h1GeFcQIWRtiDG6B0c4Tx8hBEGFsAoxRPjHAi
            CkVYkxmgtAuP8VIkR5grAqBUF4dxQj5F2GMXo/ViBZBCOMHYZQyg/HOPEZISw5htEavQZI8QJgLBqLUR4lwggZA2EMToXQTgPFyI
            EYYGxiiFG+AcKIaQ1hTEaO0a4vw0hRFmOsaoVQ3i3HCLkPYIx+g9EOC8TIYRRj7FKCUf4JxYgJEWDMVoTR7jmEaD4aIXh2h2HiHY
            RobhoiOHaGYeIRgGheEiD4Fo1g4jWAaE4SIbgWgGDiKYRofhogeDaDYeIthGiuGiE4NoJh4gGAaB4CI/gWgWDiBYBoDgIguBaEYO
            IZhGi+GiN4do9h4j2EaO4aIDh2jmHiMYBo3hIi+BaFYOIVgGjOEiO4Fohg4gmEaP4aIng2i2HiDYRoLhojODaKYeIhgGieAiH4Fo
            lg4iWAaI4CIrgWjGDiO0QpyQogREmPMOo/Q/j/DyPkNYiwuo4FOCEMI4wxglBaE8R4SQUj7C2I0coRwLjxBiHMSYlQuhfG+BkDIC
            wVj9BqFcI4wRgjDCGEUJoLwXjpASBsHYLQihnDuJEKIUwZg1B6L8X5ywVhLE6FUO4ZwwihBGCMco7QHhPESGkHYmxmglEOFcGI8Q
            ZhTCqB0T4HwsjZGWGsHo9QLiHACIEAYgwCiNHeG8FIyQtj7HoJkEAuRaAREgNEKgiQwDJEoOEKAgQaA5FAFkegcRICxAoOkMAqRq
            ABGgKEOg2QQB5BoNESAkRqDJDAAkCgIQoBBFoPkUAmQ6CxEgPESgqQwBpCoMEaA4R6AZBADkWgkRIBRCoAkMASRKBhCgAEGguRQD
            ZHoPESAMQKBpDACkaggRoAhDoFkEA+QaBREgBEagSQwCJAoKEKAwRaB5FABkOgMRIBxEoCkMA6QqBBGgGEfYkQShDF+DUSI1wpiZ
            A6NsS4LQki/BWCESocwHhFECMcAYyRGirHOB0XIjwtgxAKCML4lRYh3BmPkHoewbjNFSJ8RYgR6iTFeGUUIpxxjpFaIsQ4fRMivF
            2NEcoAx/j1GiJcSY2RugbGuO0RI/x1hwhqiGACgghDghgEhmh1gTgug8gngNh4higxhPhqh4hbg5hch+gdg7gGh0gvglhggagph3
            hSgwhzgRhUh2glhjgegsh3gBA2htAghVAehZAYgZBGgVBghdAehhBIhxA2h9AggFBehJB4gJBmhFAggNAegxBIhhA2gNBgg1Beh5
            AYg5AGh1Agg9BehBBIhRA2hdBghlAegpA4gpBmhlBghtBehRBIhBA2gtAggVAegZAYhZBGhVBggdAeghBIgxA2g9AghFBegJB4hJ
            BmgFAghNAehxBIghA2hNBgh1Beg5AYh5AGg1Agh9BegBBIgRA2gdBgglAehpA4hpBmglBggtBegRBIgEgyhpgvhSgEhbgZgYhegd
            gjhWgIhvg1h8g6hBgngahsgzhxgQhWh1grgehghHhdh0gCgZh/hCg0hrgJgIguhthzhGg4hfhlhsgqgxgXgKh8gDgBgAgGgFgbgO
            hwh3hthkhShJhPgygkg7g5g4g+g9hDg2gogPgVhchahhgHh6hMhTgRgwg2hVgLh+hAgng9hUhih5hfgigUhLhpgohOgNhTgmgYh/
            gFhMgKhRg3hqgcgjhhgggmhlg7hugQhXgNgIAwh6AkhwAMhKAohoBIgKAshwAEh6AwgIOvPUB8gqAYhoA4hqAcvUhaAggIPHBEhw
            AsgKAIhoAohKBMhwAkg6AQgIO/PEAchqB4hoAYgqA8vEgaAAgIO3BkhwBMhKBohoAIgKBshwBEh6BwgIPPO0A8gqBYhoB4hqBcu0
            haBggIOnAEhwBsgKBIhoBohKAMhwBkg6BQgIOfOkBchqA4hoBYgqB8ukgaBAgLg0h8g5hxgChOttBIgIglh1g+h6gzgDhchUhxg5
            hKgmgHhnhAhggNg9hWhSg7gbhkhMhJhhgSg+gfh/hYg4hVhlhugKgDgThshkhhgpg6hWhXh3hwhQhdgtgmgigrgrgUgcgZgRhihu
            hPhPhohotvBehahTgjg8g0hRhZhqgGhnhHgggAgthdh2hyhbg7gEhshpgBgyheh/hfg4gYh1gFhOhqhjgzgMhEgBhJgag2h3mChw
            g9hNgGhCgLsrNYBzAGh3AotPB7A4h7NBgogfBWsgAjBGhnAIh3BWgrB4grNJgIsbNIATAGgXAosfBbA4gbMxgog/BWtQBDBGhHBI
            hXBWhLB4hLM5hItLM4AzAGg3AosvA7A4g7MhgohfBWtABjBGgnAIg3BWhrB4hrMpgIs7MoBTAGhXAos/AbA4hbNRgoh/BWswADBG
            gHBIgXBWgLB4gLMZvYAqhng7h8gAh9g5h+g+h7g3hogMhRhdgKhyg/gDgkhYh1gxhWhWgzhvhQg0hpgFgihah3grgMhwhthJhOhu
            hrgHg4gchhhthahChPhTh0hohlghgmgmgjgfhghkh5h1hyhKhHjlAggdgZgegehbhXhIhshxh9hqhShfgjgEzkBRh2h2hThPgwgU
            hJhlgCg6hXgLhshQgNhprghLhngYg8gBhNg6hihvgzhUgIhFgBhGgGhDg/hAgEhZgVgWAshsA0h2AAh0A4hmA0gMAshmAYhUBgg2
            B8gsLRAwh0AohGBkgMAcq+AUBwhWBMhsAUg2Agh0BYgmAUgMAMgmA4hUBAh2BcgsLBgQh0AIgGAEgMA8qugUAQgWBshsB0h2BAh0
            B4hmB0gMBshmBYhUAgg2A8gsKyBwh0BohGAkgMBcqfAUAwhWAMhsBUg2Bgh0AYgmBUgMBMgmB4hUAAh2AcgsKihQh0BIgGBEgMB8
            rNgUBQiQhugxqZh0grhthMgChVhfgWhIhngxhIgmgZhzg6gMhjhFhkgagthHgegAhvhJgwgegBgbgyhEh7gdg8gShlhvxtBXhhh4
            gWgJgDgKgcgTh1h0hqgdgXgugwg/g5gAgOgRgrgihUpzAsgig1g/x9BHhRhogGh5hThagsgDglhEh6gNgng+gggPhphQg+ghh7gS
            gkhbh9hcgygFhPyNB3gBhYh2gphjhqg8hziEhKg9h3gOhQgfgdAmohhJAOpDocgBBQoehFB4gtBGoph5AupLg1IlAwomg1BYh9Am
            oxhpBOozosghBQouglA4gNAGo5gZAuo7hVJVBwo2hVBYhdAmpBgJAOojo8hBBQo+gFB4htBGpJg5Auorh1JFAwpGh1BYg9AmpRgp
            BOpTpMhhBQpOhlA4hNAGpZhZAupbgVI1BwpWgVBYgggahVgXhGgEhXgZgcheoOgihwhDhtgYhChtg/hOgcgPhxhUgWh5hLgqh4gb
            g1hQhqgFgnh2hUgngJgMhuhRhDhShghzgdgIgynqh+hMhfhBhEhGhJhbhahIhLvvh6h1h3hmhkh3h5h8h+hhnvBQgjgNg4gihNhf
            huh8hvhRg0g2gZhrhKgYg7hVhwgKglhHgWh0hHgphshOgxgjhyjch9gohSoKgehsg/hhgkgmhpg7h6gohrglgkAYheAchcAcheAY
            gkBQgOB0g8B0hOAQhkBIh+AshcBsg+BIhkAAmhA8AEhuBAgkB4geA8hcB8geA4gkBwhOBUg8AUgOBwhkAog+BMhcBMh+BohkAgmx
            A8AkguAggkBYheBchcBcheBYgkAQgOA0g8A0hOBQhkAIh+BshcAsg+AIhkBAnBA8BEhuAAgkA4geB8hcA8geB4gkAwhOAUg8BUgO
            AwhkBog+AMhcAMh+AohkBgnRA8BkguBggngU27hdgahShngjhwgE1EhuhGgThvg8gIghhVhygqhfhrgIhc1MgWh+hbg3gEhghJgt
            hqgCl2BAh0htgJg+gWhjh/hMhYmMAigahvh7h4tugBgGgOgLgHg0gwg5g9g6gyhHhDhQgk1kAOhmhzhPhcgogBg1hShKh/gLgog8
            hVgRh2heg7gXhkhAgpgNhKhig3hThggUhNhpgeg2gDhfgsh4hRgFhCg6hPgbhYhsglhhgmhugrgrAWlEBHAGkqAjB2g/B4gvBmlO
            B7E7lMgGgjEykfh4gfFFhogLAWlUAnAGk6BDA2gfB4gPAmkeBbFLk8gGgDFCkvh4h/FVhohrAWkkAHAGlKBjB2h/B4hvBmkuA7Fb
            ksgGhjFSk/h4hfElhohLAWk0BnAGlaADA2hfB4hPAmk+AbErgYhXAGhDEilPh4g/E1hogugShLgLhAgIgxhpgih+gHhPzvhNgFh2
            gqgDhzg4gAhpgxgKhmg/hngMgkhFh9gegihbh7gQg4ghh5hSgug3gfhkhshdkLAagTgDgIgQgZghg6g2gvhXzXjyhOhyhrhrhgho
            gRjvAegngvg0g8kagWgKhjhT4oAJgRhqhGgfgHgshEhlgdg+hCh7gbgwhYgBhZgygOhXg/gEhMg9gVhGg6hzgjgohwg5hBgahWgP
            g3h8g0h1gtgyAMhIAMhCAIgwB4giB0gIBEgSAghwAAhSBcgIDXiwgogCBkhIAUhyBQgwAQhyAshIBsgCAogwBYhiAUgIAkhSBAhw
            BggSA8gIDHjAhIhCBEhIA0gyAwgwAwgyBMhIBMhCBIgwA4giA0gIAEgSBghwBAhSAcgIC3jQhogCAkhIBUhyAQgwBQhyBshIAsgC
            BogwAYhiBUgIBkhSAAhwAggSB8gICniggIhCAEhIB0gyBwgwBwg1gIhKgBhHh6gwh7ghhsgWhdgTgmh8gPhdhggyhJgfgyh4gjp/
            heg1hrhOgkgHhlhYg6gRh3hqhAgrgRh8hmgthDhWhsh/gNgQgig5hPhChIhzh5qQBlgbgegUgXgVgogqghgnhahQhbp3h2h9hzgG
            gcgvg9hAhShph/gShYhDgpgUh+hVhLgugEhnhFg4gahxhXgKhgiIAchGgNgjh2gMhfhtgwhCgZgvhigohTgZhEgOhFh7peg3wrBF
            AAg9B+gxBoghBWgdBAh1A+hpAYxDA1BAhtA+hBBogxBWhtAAglB+gZA4w7AlAAgdB+hRAogBAWh9BAhVA+gJAYxTBVBAhNA+ghAo
            gRAWgNAAgFB+h5B4xLAFAAh9B+hxBohhBWhdBAg1A+gpAYwjB1BAgtA+gBBohxBWgtAAhlB+hZA4wbBlAAhdB+gRAohBAWg9BAgV
            A+hJAYwzAVBAgNA+hhAohRCAC1NAFFP05PE8gVBv86ukztMgr0Vod+lFnitEvUpo9yllbuMoo19jc2qEPltMuURh8qoljjMwl1Fu
            dujE3ktUpV5u9ijkLgM4m0tlcmkFfrtcsVhj8aikThMAn01kdepFHutkjUJk9Spl7iMIk1dvcWmEvptsiUxt8KklDvMQp1lidOvE
            Xot0lVZi9CvkrsMYq0NpcGoF/nuAgA==
            """;

    /** gdal_translate -q -of GTiff -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 -co COMPRESS=PACKBITS in.bin out.tif */
    private static final String UINT8_PACKBITS = """
            /QD9Af0C/QP9AP0B/QL9A/0A/QH9Av0D/QD9Af0C/QP9Af0C/QP9BP0B/QL9A/0E/QH9Av0D/QT9Af0C/QP9BP0C/QP9BP0F/QL9
            A/0E/QX9Av0D/QT9Bf0C/QP9BP0F/QP9BP0F/Qb9A/0E/QX9Bv0D/QT9Bf0G/QP9BP0F/QY=
            """;

    /** gdal_translate -q -of GTiff -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16 -co COMPRESS=DEFLATE -co PREDICTOR=3 -co INTERLEAVE=PIXEL in.bin out.tif */
    private static final String FLOAT32X3_DEFLATE_PRED3_LE = """
            eJy1zq9rglEUxvGHhS0MNljYwmCDhS0MNljYwmCDjc0gGkQMIgYRg4hBxCBiEDH5T91bRAwiBhGDiEHEIGIQ8eVeEZM/wvuE8+Vw
            0hM+WmswVcoly1SrNyCZJv3FQp7yN1ttSMb6c9kM5e90e5CM9adTScrfHwwhGetPxGOUfzSeQDLWH42EKf90NodkrD8UDFD+xXIF
            yVz77fb5fV53cLM5Y+zJKSQ78Nvdt5/n7/e40xzv4uoakmmlLLP//vwwTHcPj5BMKUXtX5+fKP/L2zskY/33tzeU/+vnH5Kx/svz
            M8rvD4QgGeu3qwXlj8YSkIz1Tycjyp/O5CAZ6+/3Ou7gzuYcp1iuQrI1IeIlLg==
            """;
}
