// Verifies, in the browser and with nothing but WebCrypto, that a public fact is on the log: the entry hashes to its
// leaf hash (RFC 9162: SHA-256 of 0x00 || entry), the checkpoint carries a valid Ed25519 signature by the published
// key (C2SP signed note), and the inclusion proof leads from the leaf to the checkpoint's root (RFC 9162 2.1.3.2).
(function () {
  'use strict';
  const enc = new TextEncoder();
  const b64 = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));
  const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  const sha256 = async bytes => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  const prefixed = (p, ...parts) => {
    const out = new Uint8Array(1 + parts.reduce((n, x) => n + x.length, 0));
    out[0] = p;
    let at = 1;
    for (const x of parts) { out.set(x, at); at += x.length; }
    return out;
  };
  const leafHash = entry => sha256(prefixed(0, enc.encode(entry)));
  const nodeHash = (l, r) => sha256(prefixed(1, l, r));

  async function openNote(note, verifierKey) {
    const parts = verifierKey.split('+');
    const name = parts[0], id = parts[1], key = parts.slice(2).join('+');
    const raw = b64(key);
    if (raw.length !== 33 || raw[0] !== 1) throw new Error('key');
    const split = note.lastIndexOf('\n\n');
    const text = note.substring(0, split + 1);
    const publicKey = await crypto.subtle.importKey('raw', raw.slice(1), { name: 'Ed25519' }, false, ['verify']);
    for (const line of note.substring(split + 2).split('\n')) {
      const m = /^\u2014 (\S+) (\S+)$/.exec(line);
      if (!m || m[1] !== name) continue;
      const sig = b64(m[2]);
      const hex = Array.from(sig.slice(0, 4), b => b.toString(16).padStart(2, '0')).join('');
      if (hex !== id) continue;
      if (await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, sig.slice(4), enc.encode(text))) {
        const lines = text.split('\n');
        return { origin: lines[0], size: Number(lines[1]), root: b64(lines[2]) };
      }
    }
    throw new Error('signature');
  }

  async function included(leaf, index, size, proof, root) {
    if (index >= size) return false;
    let fn = index, sn = size - 1, r = leaf;
    for (const p of proof) {
      if (sn === 0) return false;
      if ((fn & 1) === 1 || fn === sn) {
        r = await nodeHash(p, r);
        while ((fn & 1) === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      } else {
        r = await nodeHash(r, p);
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    return sn === 0 && equal(r, root);
  }

  async function verify(box) {
    const out = box.querySelector('[data-log-result]');
    const say = (key, ...args) => {
      let text = box.dataset[key] || key;
      args.forEach((a, i) => { text = text.replace('{' + i + '}', a); });
      out.textContent = text;
    };
    out.className = 'mt-2 mb-0';
    say('msgWorking');
    try {
      const q = box.dataset.index != null ? null
        : await fetch('/api/v1/log/leaves/find?kind=' + encodeURIComponent(box.dataset.kind) + '&ref=' + encodeURIComponent(box.dataset.ref));
      if (q && q.status === 404) { say('msgPending'); return; }
      const leaf = q ? await q.json()
        : { index: Number(box.dataset.index), entry: box.dataset.entry, leafHash: box.dataset.leafHash };
      const hash = await leafHash(leaf.entry);
      if (!equal(hash, b64(leaf.leafHash))) throw new Error('entry');
      const note = await (await fetch('/log/checkpoint', { cache: 'no-store' })).text();
      let checkpoint;
      const key = box.dataset.key || (await (await fetch('/api/v1/log/checkpoint')).json()).verifierKey;
      try { checkpoint = await openNote(note, key); } catch (e) { say('msgBadSignature'); out.classList.add('text-danger'); return; }
      const proof = await (await fetch('/api/v1/log/proof/inclusion?index=' + leaf.index + '&size=' + checkpoint.size)).json();
      if (await included(hash, leaf.index, checkpoint.size, proof.proof.map(b64), checkpoint.root)) {
        say('msgVerified', leaf.index + 1, checkpoint.size);
        out.classList.add('text-success', 'fw-bold');
      } else {
        say('msgNotIncluded');
        out.classList.add('text-danger');
      }
    } catch (e) {
      say('msgFailed');
      out.classList.add('text-danger');
    }
  }

  document.addEventListener('click', e => {
    const button = e.target.closest('[data-log-verify]');
    if (button) verify(button.closest('[data-log-box]'));
  });
})();
