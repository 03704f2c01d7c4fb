package cn.sciday.web;

/** Implemented by the security principal so that every module can learn who is acting without knowing accounts. */
public interface ActorPrincipal {

    Actor actor();
}
