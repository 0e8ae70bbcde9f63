import { useState } from 'react';
import { useProfiles } from '../../data/hooks';
import { lazyScreen } from '../../ui/lazyScreen';
import { LoadingScreen } from '../../ui/ScreenMessage';
import { ProfilePicker } from '../profiles/ProfilePicker';

// Seen once per phone: its code loads apart from everyone else's first screen.
const WelcomeScreen = lazyScreen(() => import('./WelcomeScreen'), 'WelcomeScreen');

/**
 * Any address with nobody open: the welcome on a phone with no profile yet, otherwise "Who is
 * learning?". Once the welcome has shown it stays until its profile opens, so the picker does
 * not flash up in between.
 */
export function FirstOpen() {
  const profiles = useProfiles();
  const [welcoming, setWelcoming] = useState(false);
  if (profiles?.length === 0 && !welcoming) setWelcoming(true);
  if (!profiles) return <LoadingScreen />;
  return welcoming ? <WelcomeScreen /> : <ProfilePicker />;
}
