package io.rastermill.notebooks;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A paragraph's output split into Zeppelin's display messages: a line starting with {@code %table},
 * {@code %html}, {@code %text}, {@code %img} or {@code %angular} followed by a space or the line end
 * starts a new message of that type (Zeppelin's InterpreterOutput rule); text before the first one is
 * {@code %text}.
 */
record ParagraphOutput(List<Message> messages) {

    record Message(String type, String data) {}

    /** A {@code %table} message: the tab-separated header and rows. */
    record Table(List<String> header, List<List<String>> rows) {
        int column(String name) {
            int i = header.indexOf(name);
            if (i < 0) {
                throw new AssertionError("no column " + name + " in " + header);
            }
            return i;
        }

        double number(int row, String column) {
            return Double.parseDouble(rows.get(row).get(column(column)));
        }
    }

    private static final Pattern START = Pattern.compile("^%(text|table|html|img|angular)(?: |$)(.*)$");
    private static final Pattern PNG = Pattern.compile("<img[^>]*src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    static ParagraphOutput parse(String output) {
        List<Message> messages = new ArrayList<>();
        String type = "text";
        StringBuilder data = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            Matcher m = START.matcher(line);
            if (m.matches()) {
                add(messages, type, data);
                type = m.group(1);
                data.setLength(0);
                data.append(m.group(2)).append('\n');
            } else {
                data.append(line).append('\n');
            }
        }
        add(messages, type, data);
        return new ParagraphOutput(List.copyOf(messages));
    }

    private static void add(List<Message> messages, String type, StringBuilder data) {
        String d = data.toString().strip();
        if (!d.isEmpty() || !type.equals("text")) {
            messages.add(new Message(type, d));
        }
    }

    List<Table> tables() {
        List<Table> result = new ArrayList<>();
        for (Message m : messages) {
            if (m.type().equals("table")) {
                String[] lines = m.data().split("\n");
                List<String> header = Arrays.asList(lines[0].split("\t", -1));
                List<List<String>> rows = new ArrayList<>();
                for (int i = 1; i < lines.length; i++) {
                    if (!lines[i].isEmpty()) {
                        rows.add(Arrays.asList(lines[i].split("\t", -1)));
                    }
                }
                result.add(new Table(header, rows));
            }
        }
        return result;
    }

    /** The PNG images inlined as {@code data:} URIs in {@code %html} messages, decoded. */
    List<BufferedImage> images() throws IOException {
        List<BufferedImage> result = new ArrayList<>();
        for (Message m : messages) {
            if (m.type().equals("html")) {
                Matcher img = PNG.matcher(m.data());
                while (img.find()) {
                    BufferedImage decoded = ImageIO.read(
                            new ByteArrayInputStream(Base64.getDecoder().decode(img.group(1))));
                    if (decoded == null) {
                        throw new IOException("an inline image is not a decodable PNG");
                    }
                    result.add(decoded);
                }
            }
        }
        return result;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) {
            if (m.type().equals("text")) {
                sb.append(m.data()).append('\n');
            }
        }
        return sb.toString();
    }
}
