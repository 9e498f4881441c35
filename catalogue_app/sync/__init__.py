"""Sync of a desk catalogue with the regional base (design.md §7), Qt-free.

`engine.Synchroniser` runs one sync (pull, images, push) for the GUI's background worker and
for `catalogue-app sync`; `wire` turns a local record into the JSON fields the server stores and
back; `merge` is the three-way merge; `outbox` the local bookkeeping (revision 0003);
`conflicts` lists and resolves what the curator must decide; `tokens` keeps the bearer token;
`push` writes batches down and keeps them on the wire; `images` moves originals both ways,
resumably; `timing` says where a sync's time went."""
