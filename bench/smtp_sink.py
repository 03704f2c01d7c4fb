#!/usr/bin/env python3
"""A tiny SMTP server for the fault benchmarks (standard library only): accepts every message and appends
"<unix time> <X-SciDay-Outbox-Id or -> <Subject>" to a log, one line per accepted message, before it answers
250 to DATA. Enough SMTP for JavaMail: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no TLS, no AUTH.

Usage: smtp_sink.py PORT LOG_FILE [DELAY_MS]   (DELAY_MS: time taken per message, to stretch a burst)
"""
import re
import socketserver
import sys
import threading
import time

PORT, LOG, DELAY = int(sys.argv[1]), sys.argv[2], (int(sys.argv[3]) if len(sys.argv) > 3 else 0) / 1000.0
lock = threading.Lock()
log = open(LOG, "a", encoding="utf-8")


class Session(socketserver.StreamRequestHandler):
    def reply(self, text):
        self.wfile.write((text + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 sciday-sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip().upper()
            if command.startswith("EHLO"):
                self.reply("250-sciday-sink")
                self.reply("250 8BITMIME")
            elif command == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                lines = []
                while True:
                    data = self.rfile.readline()
                    if not data:
                        return  # the client went away mid-message: nothing accepted
                    if data in (b".\r\n", b".\n"):
                        break
                    lines.append(data)
                message = b"".join(lines)
                outbox = re.search(rb"^X-SciDay-Outbox-Id:\s*(\d+)", message, re.M | re.I)
                subject = re.search(rb"^Subject:\s*(.*)$", message, re.M | re.I)
                if DELAY:
                    time.sleep(DELAY)
                with lock:
                    log.write("%.3f %s %s\n" % (time.time(), outbox.group(1).decode() if outbox else "-",
                                                subject.group(1).decode("ascii", "replace").strip() if subject else "-"))
                    log.flush()
                self.reply("250 2.0.0 accepted")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:  # HELO, MAIL FROM, RCPT TO, RSET, NOOP
                self.reply("250 OK")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", PORT), Session) as server:
        server.serve_forever()
