"""A throwaway XYZ tile server on 127.0.0.1 for the base-map tests.

It serves one solid-colour 256×256 PNG for every /{z}/{x}/{y}.png request,
counts the requests, and stops on stop() or after LIFETIME_SECONDS at most.
"""

import re
import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIFETIME_SECONDS = 600
TILE_PATH = re.compile(r"^/(\d+)/(\d+)/(\d+)\.png$")


def solid_png(rgb, size=256) -> bytes:
    """Return a PNG image of one colour, encoded without Qt (safe in any thread)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b""))


class TileServer:
    """Serve solid tiles on 127.0.0.1 at a free port; ``requests`` lists the tile paths."""

    def __init__(self, rgb=(30, 144, 200)):
        self.rgb = tuple(rgb)
        self.png = solid_png(self.rgb)
        self.requests = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                with server._lock:
                    server.requests.append(self.path)
                if not TILE_PATH.match(self.path):
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(server.png)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(server.png)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._timer = threading.Timer(LIFETIME_SECONDS, self.stop)
        self._timer.daemon = True
        self._stopped = False

    def start(self) -> "TileServer":
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        with self._lock:
            if self._stopped:
                return
            self._stopped = True
        self._timer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()

    def tile_requests(self) -> list:
        """Return the (z, x, y) of the tile requests received so far."""
        with self._lock:
            paths = list(self.requests)
        return [tuple(int(part) for part in TILE_PATH.match(path).groups())
                for path in paths if TILE_PATH.match(path)]
