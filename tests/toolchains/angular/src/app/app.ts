import { AfterViewInit, Component, CUSTOM_ELEMENTS_SCHEMA, ElementRef, OnDestroy, viewChild } from '@angular/core';
import { type Handle, mount, setAssetsUrl } from 'freedom-widget';
import 'freedom-widget/element';

// Angular copies no assets from packages: angular.json lists the widget's files under `assets`,
// and this is the one line the README gives Angular.
setAssetsUrl('/freedom-widget/');

@Component({
  selector: 'app-root',
  templateUrl: './app.html',
  // <freedom-widget> is a custom element, not an Angular component.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
})
export class App implements AfterViewInit, OnDestroy {
  private readonly help = viewChild.required<ElementRef<HTMLElement>>('help');
  private handle?: Handle;

  ngAfterViewInit() {
    this.handle = mount(this.help().nativeElement, { country: 'US', lang: 'es' });
  }

  ngOnDestroy() {
    this.handle?.destroy();
  }
}
