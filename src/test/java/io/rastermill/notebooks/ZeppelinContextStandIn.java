package io.rastermill.notebooks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code z} object of a Zeppelin Spark paragraph, as much of it as notes here use:
 * {@code z.show(df)} prints the frame as a {@code %table} message (tab-separated header and rows,
 * at most {@code zeppelin.spark.maxResult} = 1000 rows, then the "limited" notice), the text Zeppelin's
 * table display parses; {@code z.put}/{@code z.get} share values between paragraphs and with
 * {@code %sql}. Output goes to {@code scala.Console.out}, which the interpreter points at the
 * paragraph's output while it runs.
 */
public final class ZeppelinContextStandIn {
    /** Zeppelin's default {@code zeppelin.spark.maxResult}. */
    public static final int MAX_RESULT = 1000;

    private final Map<String, Object> store = new ConcurrentHashMap<>();

    public void show(Dataset<?> frame) {
        show(frame, MAX_RESULT);
    }

    public void show(Dataset<?> frame, int maxResult) {
        scala.Console$.MODULE$.out().print(table(frame.toDF(), maxResult));
    }

    /** The {@code %table} message for {@code frame}, as Zeppelin's Spark shims render it. */
    static String table(Dataset<Row> frame, int maxResult) {
        List<Row> rows = frame.takeAsList(maxResult + 1);
        StringBuilder msg = new StringBuilder("\n%table ");
        String[] columns = frame.columns();
        for (int i = 0; i < columns.length; i++) {
            msg.append(i == 0 ? "" : "\t").append(cell(columns[i]));
        }
        msg.append('\n');
        boolean limited = rows.size() > maxResult;
        for (Row row : limited ? rows.subList(0, maxResult) : rows) {
            for (int i = 0; i < row.size(); i++) {
                msg.append(i == 0 ? "" : "\t").append(cell(row.get(i)));
            }
            msg.append('\n');
        }
        if (limited) {
            msg.append("\n%html <font color=red>Results are limited by ")
                    .append(maxResult)
                    .append(".</font>\n");
        }
        msg.append("\n%text ");
        return msg.toString();
    }

    private static String cell(Object v) {
        return v == null ? "null" : v.toString().replace('\t', ' ').replace('\n', ' ');
    }

    public void put(String name, Object value) {
        store.put(name, value);
    }

    public Object get(String name) {
        return store.get(name);
    }
}
