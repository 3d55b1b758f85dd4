// Runs WeCom's own npm implementation (@wecom/crypto) for the cross-implementation tests:
// reads one JSON request on stdin, writes one JSON answer on stdout.
const wecom = require('@wecom/crypto');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  let answer;
  if (request.op === 'encrypt') {
    const encrypted = wecom.encrypt(request.key, request.message, request.id);
    answer = { encrypted, signature: wecom.getSignature(request.token, request.timestamp, request.nonce, encrypted) };
  } else if (request.op === 'decrypt') {
    const { message, id } = wecom.decrypt(request.key, request.encrypted);
    answer = { message, id, signature: wecom.getSignature(request.token, request.timestamp, request.nonce, request.encrypted) };
  } else {
    throw new Error(`unknown op ${request.op}`);
  }
  process.stdout.write(JSON.stringify(answer));
});
