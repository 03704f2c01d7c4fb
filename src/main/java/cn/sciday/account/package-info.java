/**
 * Staff and public identities, roles, login, verification codes, API tokens, and the security rules.
 */
package cn.sciday.account;
