import { Drawer } from 'antd';
import { BrandLogo } from '../components/BrandLogo.tsx';
import { NavMenu } from './NavMenu.tsx';

/** The phone shell's menu drawer: fetched the first time the technician opens it. */
export function MobileNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={264}
      title={<BrandLogo />}
      styles={{ body: { padding: '8px 0' } }}
      data-testid="nav-drawer"
    >
      <NavMenu onNavigate={onClose} />
    </Drawer>
  );
}
