"""The blob store in an S3-compatible bucket (`--blobs s3://BUCKET/PREFIX`), through boto3:
the endpoint, region and credentials come from the standard AWS environment variables
(AWS_ENDPOINT_URL for a store that is not Amazon's), or from boto3's other usual sources.

A resumable upload keeps each chunk as an object (`uploads/<museum>/<sha256>/<offset>`) until
they add up to a multipart part (S3 takes parts of at least 5 MiB, but for the last); the part
is then sent and its chunks dropped. Finishing sends the last part, completes the multipart
upload to a staged object, reads it back to check its sha256, and copies it to its key."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from catalogue_app.regional.stores import READ_BLOCK, S3_SCHEME, ObjectStore, UploadState

PART_BYTES = 5 * 1024 * 1024  # S3's smallest part but the last
_MISSING = {"404", "NoSuchKey", "NotFound"}


class S3Store(ObjectStore):
    def __init__(self, url: str) -> None:
        import boto3
        from botocore.config import Config

        parts = urlsplit(url)
        if parts.scheme + "://" != S3_SCHEME or not parts.netloc:
            raise ValueError(f"{url!r} is not s3://BUCKET/PREFIX")
        self.bucket = parts.netloc
        self.prefix = parts.path.strip("/")
        self.location = url
        self.client = boto3.client("s3", config=Config(
            retries={"mode": "standard", "max_attempts": 3}, connect_timeout=5,
            read_timeout=60, max_pool_connections=32,
        ))

    def _key(self, key: str) -> str:
        return f"{self.prefix}/{key}" if self.prefix else key

    def check_reachable(self) -> None:
        self.client.head_bucket(Bucket=self.bucket)

    def size(self, key: str) -> int | None:
        try:
            return self.client.head_object(Bucket=self.bucket, Key=self._key(key))[
                "ContentLength"]
        except self.client.exceptions.ClientError as error:
            if error.response["Error"]["Code"] in _MISSING:
                return None
            raise

    def read(self, key: str) -> bytes | None:
        try:
            answer = self.client.get_object(Bucket=self.bucket, Key=self._key(key))
        except self.client.exceptions.NoSuchKey:
            return None
        return answer["Body"].read()

    def write(self, key: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=self._key(key), Body=data)

    def stream(self, key: str, start: int, end: int) -> Iterator[bytes]:
        answer = self.client.get_object(Bucket=self.bucket, Key=self._key(key),
                                        Range=f"bytes={start}-{end}")
        with contextlib.closing(answer["Body"]) as body:
            yield from body.iter_chunks(READ_BLOCK)

    @contextlib.contextmanager
    def local_file(self, key: str) -> Iterator[Path | None]:
        if self.size(key) is None:
            yield None
            return
        descriptor, name = tempfile.mkstemp(prefix="catalogue-base-")
        try:
            with os.fdopen(descriptor, "wb") as out:
                self.client.download_fileobj(self.bucket, self._key(key), out)
            yield Path(name)
        finally:
            os.unlink(name)

    # --- resumable uploads ---------------------------------------------------------------

    def append(self, key: str, state: UploadState, received: int, chunk: bytes) -> UploadState:
        state = {"upload_id": None, "parts": [], "pending": [], **state}
        # A chunk retried after a lost answer lands on the same key and part number.
        pending = [item for item in state["pending"] if item[0] < received]
        self.client.put_object(Bucket=self.bucket, Key=self._key(f"{key}/{received:020d}"),
                               Body=chunk)
        pending.append([received, len(chunk)])
        if sum(size for _offset, size in pending) >= PART_BYTES:
            state = self._send_part(key, state, pending, last=chunk)
            pending = []
        return {**state, "pending": pending}

    def _send_part(self, key: str, state: UploadState, pending: list[list[int]],
                   last: bytes | None = None) -> UploadState:
        """Send the pending chunks as the next part of the multipart upload (started here
        if need be), then drop their objects."""
        staged = self._key(f"{key}.staged")
        upload_id = state["upload_id"] or self.client.create_multipart_upload(
            Bucket=self.bucket, Key=staged)["UploadId"]
        blocks = [self.read(f"{key}/{offset:020d}") or b"" for offset, _size in pending[:-1]]
        blocks.append(last if last is not None else
                      self.read(f"{key}/{pending[-1][0]:020d}") or b"")
        number = len(state["parts"]) + 1
        answer = self.client.upload_part(Bucket=self.bucket, Key=staged, UploadId=upload_id,
                                         PartNumber=number, Body=b"".join(blocks))
        self._drop_chunks(key, pending)
        return {**state, "upload_id": upload_id,
                "parts": [*state["parts"], {"n": number, "etag": answer["ETag"]}]}

    def publish(self, key: str, state: UploadState, target: str, sha256: str) -> str:
        state = {"upload_id": None, "parts": [], "pending": [], **state}
        staged = self._key(f"{key}.staged")
        if state["upload_id"] is None:  # under one part: the chunks make the object at once
            data = b"".join(self.read(f"{key}/{offset:020d}") or b""
                            for offset, _size in state["pending"])
            self.client.put_object(Bucket=self.bucket, Key=staged, Body=data)
            self._drop_chunks(key, state["pending"])
        else:
            if state["pending"]:
                state = self._send_part(key, state, state["pending"])
            self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=staged, UploadId=state["upload_id"],
                MultipartUpload={"Parts": [{"PartNumber": p["n"], "ETag": p["etag"]}
                                           for p in state["parts"]]})
        try:
            digest = hashlib.sha256()
            answer = self.client.get_object(Bucket=self.bucket, Key=staged)
            with contextlib.closing(answer["Body"]) as body:
                for block in body.iter_chunks(READ_BLOCK):
                    digest.update(block)
            actual = digest.hexdigest()
            if actual == sha256 and self.size(target) is None:
                # A managed copy: server-side, in parts past S3's 5 GB single copy.
                self.client.copy({"Bucket": self.bucket, "Key": staged}, self.bucket,
                                 self._key(target))
            return actual
        finally:
            self.client.delete_object(Bucket=self.bucket, Key=staged)

    def discard(self, key: str, state: UploadState) -> None:
        if state.get("upload_id"):
            with contextlib.suppress(self.client.exceptions.ClientError):
                self.client.abort_multipart_upload(
                    Bucket=self.bucket, Key=self._key(f"{key}.staged"),
                    UploadId=state["upload_id"])
        # Every chunk object, those of a try whose answer was lost included.
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self._key(f"{key}/"))
        for page in pages:
            if page.get("Contents"):
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": [
                    {"Key": item["Key"]} for item in page["Contents"]]})

    def keys(self, prefix: str) -> Iterator[str]:
        root = self._key("")
        pages = self.client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=self._key(prefix))
        for page in pages:  # in key order, as S3 lists them
            for item in page.get("Contents", []):
                yield item["Key"].removeprefix(root)

    def save_to(self, key: str, path: Path) -> None:
        self.client.download_file(self.bucket, self._key(key), str(path))

    def load_from(self, key: str, path: Path) -> None:
        # A managed transfer: in parts for a large original, one object once complete.
        self.client.upload_file(str(path), self.bucket, self._key(key))

    def _drop_chunks(self, key: str, pending: list[list[int]]) -> None:
        if pending:
            self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": [
                {"Key": self._key(f"{key}/{offset:020d}")} for offset, _size in pending]})
