'use strict';
// Sessions for the sync dashboard: our own tokens, signed with our own secret.
const jwt = require('jsonwebtoken');

const SECRET = process.env.SESSION_SECRET;

function issueSession(user) {
  return jwt.sign({ sub: user.id, role: user.role }, SECRET, { algorithm: 'HS256', expiresIn: '8h' });
}

function readSession(token) {
  return jwt.verify(token, SECRET, { algorithms: ['HS256'] });
}

module.exports = { issueSession, readSession };
