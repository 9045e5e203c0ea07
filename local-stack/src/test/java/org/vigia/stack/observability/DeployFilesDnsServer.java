package org.vigia.stack.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DNS server of the deploy-file tests, on 127.0.0.1: answers A queries from a name → addresses table
 * that the test changes as it goes, as Docker's embedded DNS answers a compose service
 * name with one address per running container. Unknown names get NXDOMAIN; other query
 * types an empty answer.
 */
final class DeployFilesDnsServer implements AutoCloseable {
    private static final int TYPE_A = 1;
    private final DatagramSocket socket;
    private final Map<String, List<InetAddress>> records = new ConcurrentHashMap<>();
    private final Thread thread;

    DeployFilesDnsServer() {
        try {
            socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    /** host:port to give a resolver. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** Sets the addresses of a name; none means the name does not exist. */
    void answer(String name, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            records.remove(name.toLowerCase(Locale.ROOT));
        } else {
            records.put(name.toLowerCase(Locale.ROOT), List.copyOf(addresses));
        }
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                socket.receive(query);
                byte[] reply = reply(ByteBuffer.wrap(query.getData(), 0, query.getLength()));
                if (reply != null) {
                    socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                }
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private byte[] reply(ByteBuffer query) {
        short id = query.getShort();
        short flags = query.getShort();
        int questions = query.getShort() & 0xffff;
        query.position(12);
        if ((flags & 0x8000) != 0 || questions != 1) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (int length = query.get() & 0xff; length > 0; length = query.get() & 0xff) {
            byte[] label = new byte[length];
            query.get(label);
            name.append(name.isEmpty() ? "" : ".").append(new String(label, StandardCharsets.US_ASCII));
        }
        int type = query.getShort() & 0xffff;
        query.getShort(); // class
        int questionEnd = query.position();
        List<InetAddress> addresses = records.get(name.toString().toLowerCase(Locale.ROOT));
        List<InetAddress> answers = addresses == null || type != TYPE_A ? List.of() : addresses;
        ByteBuffer out = ByteBuffer.allocate(questionEnd + answers.size() * 16);
        out.putShort(id);
        out.putShort((short) (0x8180 | (flags & 0x0100) | (addresses == null ? 3 : 0))); // response, RA, RD echoed; NXDOMAIN
        out.putShort((short) 1).putShort((short) answers.size()).putShort((short) 0).putShort((short) 0);
        out.put(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        for (InetAddress address : answers) {
            out.putShort((short) 0xc00c).putShort((short) TYPE_A).putShort((short) 1).putInt(1)
                    .putShort((short) 4).put(address.getAddress());
        }
        return out.array();
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
