package io.coreswarm.config.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.coreswarm.testsupport.TestApiToken;
import io.restassured.RestAssured;

/**
 * One HTTP/1.1 exchange over a plain socket, for what an HTTP client refuses to send: a chosen
 * {@code Host}, a chunked body, an oversized request line or header, bytes that are not HTTP.
 */
final class RawHttp {
    /** What came back, and how long it took. */
    record Answer(int status, String headers, String body, long millis) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " in " + millis + " ms: " + headers.replace("\r\n", " | ") + " || "
                    + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code head} as given, plus the tests' API token right after the request line when the
     * head carries no Authorization header: these tests are about the HTTP edges behind the token.
     */
    static Answer send(String head, byte[] body, boolean chunked) throws IOException {
        return exchange(withToken(head), body, chunked);
    }

    private static String withToken(String head) {
        int line = head.indexOf("\r\n");
        if (line < 0 || head.toLowerCase(Locale.ROOT).contains("\r\nauthorization:")) {
            return head;
        }
        return head.substring(0, line + 2) + "Authorization: " + TestApiToken.HEADER + "\r\n" + head.substring(line + 2);
    }

    private static Answer exchange(String head, byte[] body, boolean chunked) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.UTF_8));
                if (body != null && chunked) {
                    for (int i = 0; i < body.length; i += 8192) {
                        int n = Math.min(8192, body.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may answer and close before the whole body is sent: read what it said
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0;) {
                    got.write(buffer, 0, n);
                    if (complete(got.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // judged below by what arrived
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = got.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/") || split < 0) {
                return new Answer(0, "", text, millis);
            }
            String headers = text.substring(0, split);
            int status = Integer.parseInt(headers.substring(9, 12));
            return new Answer(status, headers, text.substring(split + 4), millis);
        }
    }

    /** A response with a Content-Length is complete once that many body bytes arrived. */
    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        for (String line : text.substring(0, split).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).trim());
                return text.getBytes(StandardCharsets.UTF_8).length - split - 4 >= length;
            }
        }
        return false;
    }

    static Answer get(String path, String host) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n", null, false);
    }

    static Answer post(String path, String contentType, byte[] body, boolean chunked) throws IOException {
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                + "Connection: close\r\n\r\n";
        return send(head, body, chunked);
    }
}
