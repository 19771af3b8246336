// The batched relay bench/run compares the agent with: the least a user-space UDP balancer can do for RingLab's
// frames. One thread, epoll, recvmmsg and sendmmsg of up to BATCH datagrams per system call, round robin over the
// servers, the request id swapped for one of its own (a slot of a table and a counter) and back on the reply. No
// health checks, retries, ejection, drain, rate limits, metrics or drop counters: what it lacks is what the agent
// does besides relaying, so the agent's distance to it is the price of those and of the JVM.
//
//   udp-relay <listen-port> <server-port>... (all on 127.0.0.1)
//
// Built by bench/run with the system's C compiler (gcc -O2). Prints its counts on SIGTERM/SIGINT.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define BATCH 64
#define MAX_DATAGRAM 2048
#define SLOT_BITS 16
#define SLOTS (1u << SLOT_BITS)
#define HEADER 12 // 'R' 'L' version type, request id (8 bytes, big-endian)
#define MAX_SERVERS 16

struct pending {
    struct sockaddr_in client;
    uint64_t client_id;
    uint64_t relay_id; // 0: free
    int raw;
};

static struct pending table[SLOTS];
static uint64_t next_sequence = 1;
static struct sockaddr_in servers[MAX_SERVERS];
static int server_count;
static unsigned next_server;
static volatile sig_atomic_t stopping;
static unsigned long long relayed_requests, relayed_replies, dropped;

static uint64_t read_id(const unsigned char *p) {
    uint64_t id = 0;
    for (int i = 0; i < 8; i++) id = id << 8 | p[i];
    return id;
}

static void write_id(unsigned char *p, uint64_t id) {
    for (int i = 7; i >= 0; i--) {
        p[i] = (unsigned char) id;
        id >>= 8;
    }
}

static int is_frame(const unsigned char *p, int length, char type) {
    return length >= HEADER && p[0] == 'R' && p[1] == 'L' && p[2] == 1 && p[3] == type;
}

static int bind_udp(int port) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
    int size = 4 << 20;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || bind(fd, (struct sockaddr *) &address, sizeof address) != 0) {
        perror("udp-relay: bind");
        exit(1);
    }
    return fd;
}

// Buffers of one direction: datagrams in, datagrams out (the out ones point into the in buffers or into frame[]).
struct batch {
    unsigned char data[BATCH][MAX_DATAGRAM];
    unsigned char framed[BATCH][MAX_DATAGRAM + HEADER]; // a raw request with the header put before it
    struct sockaddr_in from[BATCH];
    struct iovec in_vec[BATCH];
    struct mmsghdr in[BATCH];
    struct iovec out_vec[BATCH];
    struct mmsghdr out[BATCH];
};

static struct batch requests, replies;

static int receive(int fd, struct batch *b) {
    for (int i = 0; i < BATCH; i++) {
        b->in_vec[i] = (struct iovec) {b->data[i], MAX_DATAGRAM};
        memset(&b->in[i].msg_hdr, 0, sizeof b->in[i].msg_hdr);
        b->in[i].msg_hdr.msg_iov = &b->in_vec[i];
        b->in[i].msg_hdr.msg_iovlen = 1;
        b->in[i].msg_hdr.msg_name = &b->from[i];
        b->in[i].msg_hdr.msg_namelen = sizeof b->from[i];
    }
    int n = recvmmsg(fd, b->in, BATCH, MSG_DONTWAIT, NULL);
    return n < 0 ? 0 : n;
}

static void queue(struct batch *b, int *count, void *data, int length, struct sockaddr_in *to) {
    int i = (*count)++;
    b->out_vec[i] = (struct iovec) {data, (size_t) length};
    memset(&b->out[i].msg_hdr, 0, sizeof b->out[i].msg_hdr);
    b->out[i].msg_hdr.msg_iov = &b->out_vec[i];
    b->out[i].msg_hdr.msg_iovlen = 1;
    b->out[i].msg_hdr.msg_name = to;
    b->out[i].msg_hdr.msg_namelen = sizeof *to;
}

static void send_all(int fd, struct batch *b, int count) {
    int sent = 0;
    while (sent < count) {
        int n = sendmmsg(fd, b->out + sent, count - sent, 0);
        if (n <= 0) {
            dropped += count - sent; // the kernel's send buffer is full: dropped, as a balancer must
            return;
        }
        sent += n;
    }
}

static int relay_requests(int client_fd, int server_fd) {
    int n = receive(client_fd, &requests);
    int out = 0;
    for (int i = 0; i < n; i++) {
        unsigned char *datagram = requests.data[i];
        int length = requests.in[i].msg_len;
        int raw = !(length >= 2 && datagram[0] == 'R' && datagram[1] == 'L');
        if (!raw && !is_frame(datagram, length, 'q')) {
            dropped++;
            continue;
        }
        uint64_t sequence = next_sequence++;
        uint32_t slot = (uint32_t) (sequence & (SLOTS - 1));
        // the slot's earlier request, if unanswered, is forgotten: its reply will not match the new id
        uint64_t relay_id = sequence << SLOT_BITS | slot;
        struct pending *p = &table[slot];
        p->client = requests.from[i];
        p->raw = raw;
        p->relay_id = relay_id;
        unsigned char *frame = datagram;
        if (raw) {
            frame = requests.framed[i];
            memcpy(frame + HEADER, datagram, length);
            frame[0] = 'R', frame[1] = 'L', frame[2] = 1, frame[3] = 'q';
            length += HEADER;
            p->client_id = 0;
        } else {
            p->client_id = read_id(datagram + 4);
        }
        write_id(frame + 4, relay_id);
        struct sockaddr_in *server = &servers[next_server++ % server_count];
        queue(&requests, &out, frame, length, server);
    }
    send_all(server_fd, &requests, out);
    relayed_requests += out;
    return n;
}

static int relay_replies(int server_fd, int client_fd) {
    int n = receive(server_fd, &replies);
    int out = 0;
    for (int i = 0; i < n; i++) {
        unsigned char *datagram = replies.data[i];
        int length = replies.in[i].msg_len;
        if (!is_frame(datagram, length, 'a')) {
            dropped++; // server states and anything else
            continue;
        }
        uint64_t relay_id = read_id(datagram + 4);
        struct pending *p = &table[relay_id & (SLOTS - 1)];
        if (p->relay_id != relay_id || relay_id == 0) {
            dropped++;
            continue;
        }
        p->relay_id = 0;
        if (p->raw) {
            queue(&replies, &out, datagram + HEADER, length - HEADER, &p->client);
        } else {
            write_id(datagram + 4, p->client_id);
            queue(&replies, &out, datagram, length, &p->client);
        }
    }
    send_all(client_fd, &replies, out);
    relayed_replies += out;
    return n;
}

static void stop(int signal) {
    (void) signal;
    stopping = 1;
}

int main(int argc, char **argv) {
    if (argc < 3 || argc - 2 > MAX_SERVERS) {
        fprintf(stderr, "usage: udp-relay <listen-port> <server-port>... (1-%d servers, all on 127.0.0.1)\n",
                MAX_SERVERS);
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        servers[server_count] = (struct sockaddr_in) {.sin_family = AF_INET, .sin_port = htons(atoi(argv[i]))};
        servers[server_count++].sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    }
    int client_fd = bind_udp(atoi(argv[1]));
    int server_fd = bind_udp(0);
    int epoll_fd = epoll_create1(0);
    struct epoll_event event = {.events = EPOLLIN, .data.fd = client_fd};
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, client_fd, &event);
    event.data.fd = server_fd;
    epoll_ctl(epoll_fd, EPOLL_CTL_ADD, server_fd, &event);
    struct sigaction action = {.sa_handler = stop};
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    printf("udp-relay: listening on 127.0.0.1:%s, %d servers\n", argv[1], server_count);
    fflush(stdout);
    struct epoll_event ready[2];
    while (!stopping) {
        int n = epoll_wait(epoll_fd, ready, 2, 1000);
        if (n < 0 && errno != EINTR) {
            perror("udp-relay: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; i++) {
            // level-triggered: drain at most one batch per socket and turn, so neither side starves the other
            if (ready[i].data.fd == client_fd) {
                relay_requests(client_fd, server_fd);
            } else {
                relay_replies(server_fd, client_fd);
            }
        }
    }
    printf("udp-relay: %llu requests and %llu replies relayed, %llu datagrams dropped\n", relayed_requests,
           relayed_replies, dropped);
    return 0;
}
