import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef, ReactNode } from 'react';

/** Mantine components that navigate with the router (typed `to`, active state, preloading). */

type AnchorLinkProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, keyof AnchorProps>;
const RouterAnchor = createLink((props: AnchorLinkProps) => <Anchor {...props} />);
export const AnchorLink: LinkComponent<(props: AnchorLinkProps) => ReactNode> = (props) => (
  <RouterAnchor preload="intent" {...props} />
);

type ButtonLinkProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, keyof ButtonProps>;
const RouterButton = createLink((props: ButtonLinkProps) => <Button component="a" {...props} />);
export const ButtonLink: LinkComponent<(props: ButtonLinkProps) => ReactNode> = (props) => (
  <RouterButton preload="intent" {...props} />
);

type NavLinkLinkProps = NavLinkProps & Omit<ComponentPropsWithRef<'a'>, keyof NavLinkProps>;
const RouterNavLink = createLink((props: NavLinkLinkProps) => <NavLink component="a" {...props} />);
export const NavLinkLink: LinkComponent<(props: NavLinkLinkProps) => ReactNode> = (props) => (
  <RouterNavLink preload="intent" {...props} />
);
