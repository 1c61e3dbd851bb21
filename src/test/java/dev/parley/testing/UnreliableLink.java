package dev.parley.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test sources: a TCP relay between a browser and the server that fails on demand the way real networks do. It can
 * drop every open connection and refuse new ones (a train entering a tunnel), or let one request through and cut
 * the connection before its answer comes back (the answer is lost, the server has done the work). HTTP/1.1 and
 * WebSockets pass through it unchanged otherwise; it records the request lines it relays.
 */
public final class UnreliableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "unreliable-link");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean offline;
    private volatile String cutAnswerTo;

    public UnreliableLink(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every open connection (reset, as a dead network shows it) and refuses new ones until {@link #online}. */
    public void offline() {
        offline = true;
        relays.forEach(Relay::reset);
    }

    public void online() {
        offline = false;
    }

    /**
     * The next request whose request line starts with {@code prefix} (e.g. {@code "POST /api/webchat/"}) reaches the
     * server, and its connection is cut as soon as the answer starts coming back.
     */
    public void cutTheAnswerToNext(String prefix) {
        cutAnswerTo = prefix;
    }

    /** The request lines relayed so far that start with {@code prefix}. */
    public List<String> requests(String prefix) {
        return requestLines.stream().filter(line -> line.startsWith(prefix)).toList();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        relays.forEach(Relay::reset);
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (offline) {
                    reset(client);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Relay relay = new Relay(client, server);
                relays.add(relay);
                threads.submit(relay::upstream);
                threads.submit(relay::downstream);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    continue;
                }
                return;
            }
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // RST, not a polite FIN
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** One browser connection and its connection to the server. */
    private final class Relay {
        private final Socket client;
        private final Socket server;
        private final AtomicBoolean cutNextAnswer = new AtomicBoolean();

        Relay(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void upstream() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    String requestLine = requestLine(buffer, read);
                    if (requestLine != null) {
                        requestLines.add(requestLine);
                        String cut = cutAnswerTo;
                        if (cut != null && requestLine.startsWith(cut)) {
                            cutAnswerTo = null;
                            cutNextAnswer.set(true);
                        }
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away
            } finally {
                reset();
            }
        }

        void downstream() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (cutNextAnswer.get()) {
                        break; // HTTP/1.1 without pipelining: these are the first bytes of that request's answer
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (SocketException e) {
                // reset
            } catch (IOException e) {
                // either side went away
            } finally {
                reset();
            }
        }

        void reset() {
            relays.remove(this);
            UnreliableLink.reset(client);
            UnreliableLink.reset(server);
        }

        /** The request line if this chunk starts an HTTP request (WebSocket frames after the upgrade do not). */
        private static String requestLine(byte[] buffer, int length) {
            String head = new String(buffer, 0, Math.min(length, 512), StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n");
            if (end < 0 || !head.matches("(?s)^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) \\S+ HTTP/1\\.[01]\r\n.*")) {
                return null;
            }
            return head.substring(0, end);
        }
    }
}
